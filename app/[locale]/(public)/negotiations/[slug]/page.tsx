import type { Metadata } from "next";
import { SubscribeForm } from "@/components/follow/subscribe-form";
import { Link } from "@/i18n/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ReaderAnswer } from "@/components/reader/answer/reader-answer";
import { Figures } from "@/components/reader/figures";
import { KeyEvents } from "@/components/reader/key-events";
import { LiveUpdates } from "@/components/reader/live-updates";
import { LocatorMap } from "@/components/reader/locator-map";
import { NoBreakName } from "@/components/reader/no-break-name";
import { NewsJsonLd } from "@/components/reader/news-json-ld";
import { Participants } from "@/components/reader/participants";
import { ReleaseChart } from "@/components/reader/release-chart";
import { StageHistory } from "@/components/reader/stage-history";
import { TermsCard } from "@/components/reader/terms-card";
import { TermsHistory } from "@/components/reader/terms-history";
import { Timeline } from "@/components/reader/timeline";
import { jsonEtag } from "@/lib/api/etag";
import { inLanguage } from "@/lib/api/language";
import { apiDevelopmentPage } from "@/lib/api/ledger";
import { getKeyEvents } from "@/lib/data/reader/key-events";
import { Untranslated, UntranslatedNote } from "@/components/reader/untranslated";
import { localePath } from "@/i18n/paths";
import { currentLocale, pageAlternates } from "@/i18n/server";
import { formatDateTime, intlLocale } from "@/lib/i18n-format";
import { getPublishedNegotiation } from "@/lib/data/reader/negotiation";
import { getNegotiationPlaces } from "@/lib/data/reader/places";
import { getTimelinePage } from "@/lib/data/reader/timeline";
import { negotiationDescription } from "@/lib/format/negotiation-meta";
import { siteUrl } from "@/lib/site-url";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const MAX_PAGE = 100_000;

function parsePage(value: string | string[] | undefined): number {
  const page = typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.min(Math.max(page, 1), MAX_PAGE);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const locale = await currentLocale();
  const negotiation = await getPublishedNegotiation(slug, locale);
  if (!negotiation) return { title: (await getTranslations("meta"))("notFound") };
  const description = negotiationDescription(negotiation);
  const path = `/negotiations/${slug}`;
  const url = new URL(localePath(locale, path), siteUrl()).toString();
  return {
    title: negotiation.localized.title.text,
    description,
    alternates: pageAlternates(locale, path, path, {
      "application/json+oembed": new URL(
        `/api/oembed?url=${encodeURIComponent(url)}&format=json`,
        siteUrl(),
      ).toString(),
    }),
    openGraph: {
      type: "article",
      title: negotiation.localized.title.text,
      description,
      url,
      siteName: locale === "ar" ? "بارلي" : "Parley",
      locale: locale === "ar" ? "ar_AR" : "en_GB",
      alternateLocale: locale === "ar" ? "en_GB" : "ar_AR",
      modifiedTime: negotiation.updatedAt,
    },
    twitter: { card: "summary_large_image", title: negotiation.localized.title.text, description },
  };
}

export default async function NegotiationPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const order = query.order === "oldest" ? "oldest" : "newest";
  const page = parsePage(query.page);
  const locale = await currentLocale();
  const [negotiation, timeline, keyEvents, places] = await Promise.all([
    getPublishedNegotiation(slug, locale),
    getTimelinePage(slug, order, page, locale),
    getKeyEvents(slug, locale),
    getNegotiationPlaces(slug),
  ]);
  if (!negotiation || page > timeline.pageCount) notFound();
  const t = await getTranslations("negotiation");
  const messages = await getMessages();
  const url = new URL(localePath(locale, `/negotiations/${slug}`), siteUrl()).toString();
  // Editorial text in the page's language where a translation exists, else the English, marked.
  const { title, summary } = negotiation.localized;
  const contentLang = title.lang;

  return (
    <article className="grid gap-6">
      <NewsJsonLd
        negotiation={negotiation}
        developments={timeline.items}
        url={url}
        inLanguage={locale}
        contentLanguage={contentLang}
      />
      {timeline.order === "newest" && timeline.page === 1 ? (
        // Its own provider: the client gets the live indicator's messages only, not the catalogs.
        <NextIntlClientProvider messages={{ pageLive: messages.pageLive }}>
          <LiveUpdates
            slug={slug}
            fingerprint={timeline.items.map((d) => `${d.id}@${d.updatedAt}`)}
            etag={jsonEtag(JSON.stringify(inLanguage(apiDevelopmentPage(timeline))))}
            intlLocale={intlLocale(locale)}
          />
        </NextIntlClientProvider>
      ) : null}
      <header>
        <p className="text-sm text-stone-700 dark:text-stone-300">
          {/* Region and country are stored in English only (not translatable yet). */}
          <span lang={locale === "en" ? undefined : "en"} dir="auto">
            {negotiation.region}, {negotiation.country}
          </span>
        </p>
        <h1
          className="mt-1 font-serif text-2xl font-bold sm:text-3xl"
          dir="auto"
          lang={locale === contentLang ? undefined : contentLang}
        >
          <NoBreakName name={title.text} />
        </h1>
        <UntranslatedNote lang={contentLang} pageLocale={locale} />
      </header>

      <ReaderAnswer negotiation={negotiation} />

      <KeyEvents slug={slug} events={keyEvents} />

      {summary.text ? (
        <p className="max-w-3xl text-lg text-stone-800 dark:text-stone-200" dir="auto">
          <Untranslated text={summary.text} lang={summary.lang} pageLocale={locale} />
        </p>
      ) : null}

      {/* Per-side totals stand in the answer above; the card details each obligation. */}
      <TermsCard phases={negotiation.phases} />

      <Participants participants={negotiation.participants} />

      <ReleaseChart sides={negotiation.sides} />

      <LocatorMap places={places} />

      <StageHistory stage={negotiation.stage} history={negotiation.stageHistory} />

      <Timeline slug={slug} timeline={timeline} />

      <Figures figures={negotiation.figures} />

      <TermsHistory versions={negotiation.termsVersions} phases={negotiation.phases} />

      <footer className="flex flex-wrap gap-x-6 gap-y-1 border-t border-stone-200 pt-4 text-sm dark:border-stone-800">
        <Link href={`/negotiations/${slug}/corrections`} className="underline">
          {t("corrections", { count: negotiation.correctionCount })}
        </Link>
        <p className="text-stone-700 dark:text-stone-300">
          {t("lastEdited")}{" "}
          <time dateTime={negotiation.updatedAt}>
            {locale === "en"
              ? `${new Date(negotiation.updatedAt).toUTCString().slice(5, 22)} UTC`
              : formatDateTime(locale, negotiation.updatedAt)}
          </time>
        </p>
      </footer>
      <SubscribeForm negotiationSlug={slug} />
    </article>
  );
}
