import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { notFound, permanentRedirect } from "next/navigation";
import { currentLocale, pageAlternates } from "@/i18n/server";
import { localePath } from "@/i18n/paths";
import { PartialDate } from "@/components/reader/partial-date";
import { ReliabilityBadge } from "@/components/reader/reliability-badge";
import { Untranslated, UntranslatedNote } from "@/components/reader/untranslated";
import { getPublicSource } from "@/lib/data/reader/entities";
import { formatNumber } from "@/lib/i18n-format";

type Props = { params: Promise<{ slug: string }> };

// Source names are recorded as the source calls itself, in English.
const RECORDED_LANG = "en";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const locale = await currentLocale();
  const [source, t] = await Promise.all([getPublicSource(slug, locale), getTranslations()]);
  if (!source) return { title: t("meta.notFound") };
  const description = source.localized.publicDescription;
  return {
    title: source.name,
    // A description is only used in the page's own language; otherwise the kind of source says what it is.
    description: description.text && description.lang === locale ? description.text : t(`source.kind.${source.kind}`),
    alternates: pageAlternates(locale, `/sources/${slug}`),
  };
}

/** The public side of a source only: confidential notes live elsewhere and are never loaded here. */
export default async function SourcePage({ params }: Props) {
  const locale = await currentLocale();
  const source = await getPublicSource((await params).slug, locale);
  if (!source) notFound();
  if (source.mergedInto) permanentRedirect(localePath(locale, `/sources/${source.mergedInto}`));
  const t = await getTranslations("source");
  const recordedLang = locale === RECORDED_LANG ? undefined : RECORDED_LANG;
  const description = source.localized.publicDescription;
  return (
    <>
      <p className="text-sm text-stone-600 dark:text-stone-400">{t(`kind.${source.kind}`)}</p>
      <h1 className="mt-1 font-serif text-3xl font-bold">
        <bdi lang={recordedLang} dir="auto">
          {source.name}
        </bdi>
      </h1>
      {description.text ? (
        <p className="mt-3 max-w-3xl" data-testid="source-description">
          <Untranslated text={description.text} lang={description.lang} pageLocale={locale} />
        </p>
      ) : null}
      <p className="mt-3">
        {t("reliability")} <ReliabilityBadge rating={source.reliability} /> {t(`rating.${source.reliability}`)}.{" "}
        <Link href="/about/reliability" className="text-sm underline">
          {t("howWeRate")}
        </Link>
      </p>
      {source.url ? (
        <p className="mt-1 text-sm">
          <a href={source.url} className="underline" rel="noopener noreferrer nofollow" dir="ltr">
            {source.url}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="cited-in" className="mt-8">
        <h2 id="cited-in" className="font-serif text-xl font-semibold">
          {t("citedInHeading")}
        </h2>
        <p className="mt-2" data-testid="source-cited-count">
          {t("citedInCount", { count: source.citedInTotal, n: formatNumber(locale, source.citedInTotal) })}
        </p>
        {source.citedIn.length > 0 ? (
          <ul className="mt-3 grid gap-2">
            {source.citedIn.map((c, index) => (
              <li key={`${c.developmentId}-${index}`}>
                <PartialDate iso={c.occurredOn} precision={c.occurredPrecision} /> ·{" "}
                <Link href={`/negotiations/${c.negotiation.slug}#development-${c.developmentId}`} className="underline">
                  <Untranslated
                    text={c.localized.title.text}
                    lang={c.localized.title.lang}
                    pageLocale={locale}
                    note={false}
                  />
                </Link>
                {c.localized.title.lang !== locale ? (
                  <>
                    {" "}
                    <UntranslatedNote lang={c.localized.title.lang} pageLocale={locale} />
                  </>
                ) : null}{" "}
                <span className="text-sm text-stone-600 dark:text-stone-400">
                  (
                  <bdi
                    lang={
                      c.negotiation.localized.title.lang === locale ? undefined : c.negotiation.localized.title.lang
                    }
                    dir="auto"
                  >
                    {c.negotiation.localized.title.text}
                  </bdi>
                  {c.asVia ? `${locale === "ar" ? "؛ " : "; "}${t("asVia")}` : ""})
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {source.citedInTotal > source.citedIn.length ? (
          <p className="mt-2 text-sm">
            {t("showingRecent", { count: source.citedIn.length, n: formatNumber(locale, source.citedIn.length) })}
          </p>
        ) : null}
      </section>
    </>
  );
}
