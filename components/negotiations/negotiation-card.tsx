import type { ReactNode } from "react";
import { Link } from "@/i18n/navigation";
import { useLocale, useTranslations } from "next-intl";
import type { NegotiationSummary } from "@/lib/data/negotiations";
import { PartialDate } from "@/components/reader/partial-date";
import { Untranslated, UntranslatedNote } from "@/components/reader/untranslated";
import { isLocale } from "@/i18n/routing";
import { formatShortDate } from "@/lib/i18n-format";
import { StageBadge } from "./stage-badge";

/** Place names, party names and the terms line are English; the title comes in the page's language where translated. */
const CONTENT_LANG = "en";

export function NegotiationCard({ negotiation }: { negotiation: NegotiationSummary }) {
  const t = useTranslations("card");
  const statusLabel = useTranslations("termsStatus");
  const pageLocale = useLocale();
  const locale = isLocale(pageLocale) ? pageLocale : "en";
  const { terms } = negotiation;
  const title = negotiation.localized.title;
  const home = useTranslations("home");
  // Marks the English (names, ledger wording) on a page in another language.
  const contentLang = locale === CONTENT_LANG ? undefined : CONTENT_LANG;
  const english = (chunks: ReactNode) => (
    <bdi lang={CONTENT_LANG} dir="auto">
      {chunks}
    </bdi>
  );
  return (
    <article className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm dark:border-stone-800 dark:bg-stone-900">
      <div className="flex flex-wrap items-center gap-2">
        <StageBadge stage={negotiation.stage} />
        <span className="text-xs text-stone-600 dark:text-stone-400" lang={CONTENT_LANG} dir="auto">
          {negotiation.region}, {negotiation.country}
        </span>
      </div>
      <h2 className="mt-2 font-serif text-xl font-semibold">
        <Link href={`/negotiations/${negotiation.slug}`} className="hover:underline">
          <Untranslated text={title.text} lang={title.lang} pageLocale={locale} note={false} />
        </Link>
        {locale !== title.lang ? " " : null}
        <UntranslatedNote lang={title.lang} pageLocale={locale} />
      </h2>
      {terms ? (
        <p className="mt-2 text-lg font-medium" data-testid="terms-line">
          <span dir="auto" lang={CONTENT_LANG}>
            {terms.line}
          </span>{" "}
          {terms.status ? (
            <span className="text-sm font-normal text-stone-600 dark:text-stone-400">
              ({statusLabel(terms.status)})
            </span>
          ) : null}
        </p>
      ) : (
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">{t("noTerms")}</p>
      )}
      {terms && terms.sides.length > 0 ? (
        <ul className="mt-1 text-sm" aria-label={t("sidesLabel")} data-testid="card-sides">
          {terms.sides.map((side) => (
            <li key={side.name} dir="auto">
              {locale === CONTENT_LANG
                ? t("sideReleased", { side: side.name, text: side.text })
                : home.rich("cardSideReleased", { en: english, side: side.name, text: side.text })}
            </li>
          ))}
        </ul>
      ) : null}
      <dl className="mt-3 grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-3">
        {negotiation.parties.length > 0 ? (
          <>
            <dt className="font-medium text-stone-600 dark:text-stone-400">{t("parties")}</dt>
            <dd dir="auto" lang={contentLang}>
              {negotiation.parties.join(", ")}
            </dd>
          </>
        ) : null}
        {negotiation.mediators.length > 0 ? (
          <>
            <dt className="font-medium text-stone-600 dark:text-stone-400">
              {t("mediators", { count: negotiation.mediators.length })}
            </dt>
            <dd dir="auto" lang={contentLang}>
              {negotiation.mediators.join(", ")}
            </dd>
          </>
        ) : null}
        {negotiation.latestDevelopment ? (
          <>
            <dt className="font-medium text-stone-600 dark:text-stone-400">{t("latest")}</dt>
            <dd data-testid="card-latest-development">
              <PartialDate iso={negotiation.latestDevelopment.on} precision={negotiation.latestDevelopment.precision} />
            </dd>
          </>
        ) : null}
        <dt className="font-medium text-stone-600 dark:text-stone-400">{t("edited")}</dt>
        <dd>
          <time dateTime={negotiation.updatedAt}>{formatShortDate(locale, negotiation.updatedAt)}</time>
        </dd>
      </dl>
    </article>
  );
}
