import { Link } from "@/i18n/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SubscribeForm } from "@/components/follow/subscribe-form";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { NegotiationCard } from "@/components/negotiations/negotiation-card";
import { localePath } from "@/i18n/paths";
import { currentLocale, pageAlternates } from "@/i18n/server";
import { MAX_SEARCH_LENGTH, listPublishedNegotiations, type NegotiationListFilter } from "@/lib/data/negotiations";
import { formatNumber } from "@/lib/i18n-format";

const filters: NegotiationListFilter[] = ["all", "active", "concluded"];

export async function generateMetadata(): Promise<Metadata> {
  return { alternates: pageAlternates(await currentLocale(), "/") };
}

const MAX_PAGE = 100_000;

function parsePage(value: string | string[] | undefined): number {
  const page = typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.min(Math.max(page, 1), MAX_PAGE);
}

function parseFilter(value: string | string[] | undefined): NegotiationListFilter {
  return filters.includes(value as NegotiationListFilter) ? (value as NegotiationListFilter) : "all";
}

export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const locale = await currentLocale();
  const t = await getTranslations("home");
  const params = await searchParams;
  const filter = parseFilter(params.show);
  const query = typeof params.q === "string" ? params.q.slice(0, MAX_SEARCH_LENGTH) : "";
  const listing = await listPublishedNegotiations(filter, query, parsePage(params.page), locale);
  if (listing.page > listing.pageCount) notFound();
  const negotiations = listing.items;
  const hrefFor = (value: NegotiationListFilter, page = 1) => {
    const next = new URLSearchParams();
    if (value !== "all") next.set("show", value);
    if (query) next.set("q", query);
    if (page > 1) next.set("page", String(page));
    const text = next.toString();
    // Link adds the language prefix; the search form's action spells it out.
    return text ? `/?${text}` : "/";
  };
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-2xl text-stone-700 dark:text-stone-300">{t("intro")}</p>
      <form role="search" action={localePath(locale, "/")} className="mt-6 flex max-w-xl gap-2">
        <label htmlFor="search" className="sr-only">
          {t("searchLabel")}
        </label>
        <input
          id="search"
          name="q"
          type="search"
          defaultValue={query}
          maxLength={MAX_SEARCH_LENGTH}
          placeholder={t("searchLabel")}
          dir="auto"
          className="flex-1 rounded border border-stone-300 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-900"
        />
        {filter !== "all" ? <input type="hidden" name="show" value={filter} /> : null}
        <button
          type="submit"
          className="rounded bg-ink px-4 py-2 text-sm font-medium text-white dark:bg-stone-100 dark:text-stone-900"
        >
          {t("search")}
        </button>
      </form>
      <nav aria-label={t("filterLabel")} className="mt-4">
        <ul className="flex gap-2 text-sm">
          {filters.map((f) => (
            <li key={f}>
              <Link
                href={hrefFor(f)}
                aria-current={f === filter ? "page" : undefined}
                className="rounded-full px-3 py-1 ring-1 ring-stone-300 hover:bg-stone-100 aria-[current=page]:bg-ink aria-[current=page]:text-white dark:ring-stone-700 dark:hover:bg-stone-800"
              >
                {t(`filter.${f}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {negotiations.length === 0 ? (
        <p className="mt-8 text-stone-600 dark:text-stone-400">
          {query ? t("noMatch", { filter, query }) : t("none", { filter })}
        </p>
      ) : (
        <ul className="mt-6 grid gap-4">
          {negotiations.map((negotiation) => (
            <li key={negotiation.slug}>
              <NegotiationCard negotiation={negotiation} />
            </li>
          ))}
        </ul>
      )}
      {listing.pageCount > 1 ? (
        <nav aria-label={t("pagesLabel")} className="mt-6 flex items-center justify-between text-sm">
          {listing.page > 1 ? (
            <Link href={hrefFor(filter, listing.page - 1)} rel="prev" className="underline">
              {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span>
            {t("pageOf", { page: formatNumber(locale, listing.page), count: formatNumber(locale, listing.pageCount) })}
          </span>
          {listing.page < listing.pageCount ? (
            <Link href={hrefFor(filter, listing.page + 1)} rel="next" className="underline">
              {t("next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
      <SubscribeForm
        text={{
          headingOne: t("follow.headingOne"),
          headingAll: t("follow.headingAll"),
          explanation: t("follow.explanation"),
          emailLabel: t("follow.emailLabel"),
          submit: t("follow.submit"),
        }}
      />
    </>
  );
}
