import { Link } from "@/i18n/navigation";
import { ratingAnchor, type Confidence } from "@/lib/format/confidence";
import { useTranslations } from "next-intl";

const base = "inline-flex items-center gap-1 rounded border px-2 py-0.5 text-sm font-medium";
/** A caution: thin or unconfirmed sourcing. */
const mark = `${base} border-amber-700 bg-amber-50 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100`;
const calm = `${base} border-stone-400 bg-white text-stone-900 dark:border-stone-500 dark:bg-stone-900 dark:text-stone-100`;

/** How sure the terms are, in words, each mark linked to how Parley rates sources. */
export function ConfidenceMarks({ confidence }: { confidence: Confidence }) {
  const { singleAnonymousSource, unconfirmedBySides, lowestRating } = confidence;
  const t = useTranslations();
  if (!singleAnonymousSource && !unconfirmedBySides && !lowestRating) return null;
  return (
    <div data-testid="answer-confidence">
      <h3 className="sr-only">{t("answer.confidenceHeading")}</h3>
      <ul className="flex flex-wrap gap-2">
        {singleAnonymousSource ? (
          <li>
            <Link href="/about/reliability#single-anonymous-source" className={mark}>
              <span aria-hidden="true">⚠</span> {t("answer.singleAnonymous")}
            </Link>
          </li>
        ) : null}
        {unconfirmedBySides ? (
          <li>
            <Link href="/about/reliability#unconfirmed" className={mark}>
              {t("answer.unconfirmed")}
            </Link>
          </li>
        ) : null}
        {lowestRating ? (
          <li>
            <Link href={ratingAnchor(lowestRating)} className={lowestRating <= "B" ? calm : mark}>
              {t("answer.weakest", { rating: lowestRating, meaning: t(`reliability.${lowestRating}`) })}
            </Link>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
