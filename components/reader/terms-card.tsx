import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ObligationView, PhaseView, SideView, TermsVersionView } from "@/lib/data/reader/types";
import { obligationText, phaseTitle, progressText, quantityText } from "@/lib/format/reader-words";
import { formatNumber } from "@/lib/i18n-format";
import { ActorName } from "./actor-name";
import { CitationDisclosure } from "./citation-list";
import { PartialDate } from "./partial-date";
import { ProgressBar } from "./progress-bar";
import { Untranslated } from "./untranslated";
import { useReaderWords } from "./use-reader-words";

function Obligation({ obligation: o }: { obligation: ObligationView }) {
  const words = useReaderWords();
  const { t, locale } = words;
  const shown = o.agreed ?? o.quantity;
  const counted = shown && shown.kind !== "UNKNOWN" ? shown : null;
  const description = o.localized.description;
  const progress = progressText(words, o.progress);
  return (
    <li
      className={`rounded-md border border-stone-200 p-4 dark:border-stone-700 ${o.withdrawn ? "opacity-70" : ""}`}
      data-testid="terms-item"
    >
      <p className="text-sm text-stone-600 dark:text-stone-400">
        {t.rich("releasesTo", {
          from: () => <ActorName actor={o.releasing} pageLocale={locale} link />,
          to: () => <ActorName actor={o.receiving} pageLocale={locale} link />,
        })}
        {o.withdrawn ? (
          <>
            {" "}
            <Badge tone="alert">{t("withdrawn")}</Badge>
          </>
        ) : null}
      </p>
      <p className="mt-1">
        <span className="font-serif text-4xl font-bold tabular-nums" data-testid="terms-count">
          {counted ? quantityText(words, counted) : obligationText(words, shown, o.category)}
        </span>{" "}
        {counted ? (
          <span className="text-lg font-medium">
            {t("noun", { category: o.category, count: counted.kind === "RANGE" ? counted.max : counted.value })}
          </span>
        ) : null}
      </p>
      {o.ratio?.perUnitOfCategory ? (
        <p className="mt-1 text-sm" data-testid="terms-ratio">
          {t("ratio", {
            perUnit: formatNumber(locale, o.ratio.perUnit),
            base: t("categoryOne", { category: o.ratio.perUnitOfCategory }),
          })}
          {o.derived && o.agreed ? t("derived") : ""}
        </p>
      ) : null}
      {o.breakdowns.length > 0 ? (
        <ul className="mt-1 text-sm" aria-label={t("ofWhomLabel")}>
          {o.breakdowns.map((b) => (
            <li key={b.label}>
              {t("ofWhom", { count: quantityText(words, b.quantity) })}{" "}
              <Untranslated text={b.label} lang="en" pageLocale={locale} note={false} />
              {b.category ? ` (${t("categoryMany", { category: b.category })})` : ""}
            </li>
          ))}
          {o.breakdownsExceedWhole ? (
            <li className="text-xs text-stone-600 dark:text-stone-400">{t("overlap")}</li>
          ) : null}
        </ul>
      ) : null}
      {description.text ? (
        <p className="mt-1 text-sm" dir="auto">
          <Untranslated text={description.text} lang={description.lang} pageLocale={locale} />
        </p>
      ) : null}
      <div className="mt-3">
        {o.progress.target !== null ? (
          <ProgressBar value={o.progress.releasedCount} max={o.progress.target} label={t("released", { progress })} />
        ) : (
          <p className="text-xs text-stone-700 dark:text-stone-300">{t("releasedSoFar", { progress })}</p>
        )}
      </div>
    </li>
  );
}

function TermsVersionBody({ terms }: { terms: TermsVersionView }) {
  const { t, locale } = useReaderWords();
  return (
    <>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        {t("version", { number: formatNumber(locale, terms.number) })}
        {terms.proposedBy
          ? t.rich("proposedBy", {
              name: () => <ActorName actor={terms.proposedBy!} pageLocale={locale} short={false} />,
            })
          : null}
        <PartialDate iso={terms.proposedOn} precision={terms.proposedPrecision} />
      </p>
      <ul className="mt-4 grid gap-3 sm:grid-cols-2">
        {terms.obligations.map((o) => (
          <Obligation key={o.id} obligation={o} />
        ))}
      </ul>
      {terms.summary ? (
        <p className="mt-3 text-sm" dir="auto">
          <Untranslated text={terms.summary} lang="en" pageLocale={locale} />
        </p>
      ) : null}
      <CitationDisclosure citations={terms.citations} label={t("sources")} />
    </>
  );
}

function StatusBadge({ status }: { status: TermsVersionView["status"] }) {
  const { t } = useReaderWords();
  return (
    <Badge
      tone={status === "WITHDRAWN" ? "alert" : status === "IMPLEMENTED" ? "done" : "live"}
      label={t("statusLabel")}
    >
      {t("status", { status })}
    </Badge>
  );
}

/** "Syrian government: released 61 of 61"; one line per releasing side, summed over every phase. */
function SideTotals({ sides }: { sides: SideView[] }) {
  const words = useReaderWords();
  const answer = useTranslations("answer");
  if (sides.length === 0) return null;
  return (
    <ul className="mt-3 grid gap-2 sm:grid-cols-2" aria-label={words.t("sidesLabel")}>
      {sides.map((side) => {
        const progress = progressText(words, side);
        const name = side.label ?? side.actor.shortName ?? side.actor.name;
        return (
          <li key={side.actor.slug} className="text-sm" data-testid="side-total">
            <span className="font-medium" dir="auto">
              {name}
            </span>{" "}
            {words.t("sideReleased")} <span data-testid="side-total-text">{progress}</span>
            {side.target !== null ? (
              <ProgressBar
                value={side.releasedCount}
                max={side.target}
                label={answer("progressLabel", { side: name, progress })}
                caption={false}
              />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The current terms at a glance: per-side totals, then each phase's current terms (who
 * releases whom, how many, how far it has got). A single-phase exchange shows no phase heading.
 */
export function TermsCard({
  phases,
  sides = [],
  headingId = "terms-heading",
}: {
  phases: PhaseView[];
  sides?: SideView[];
  headingId?: string;
}) {
  const t = useTranslations("reader");
  const words = useReaderWords();
  const { locale } = words;
  const shown = phases.filter((p) => p.current);
  const single = shown.length === 1 ? shown[0]!.current! : null;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border-2 border-ink bg-white p-5 shadow-sm dark:border-stone-500 dark:bg-stone-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="font-serif text-xl font-semibold">
          {t("termsHeading")}
        </h2>
        {single ? <StatusBadge status={single.status} /> : null}
      </div>
      {shown.length === 0 ? (
        <p className="mt-2 text-stone-700 dark:text-stone-300">{t("noTerms")}</p>
      ) : (
        <>
          <SideTotals sides={sides} />
          {single ? (
            <TermsVersionBody terms={single} />
          ) : (
            shown.map((phase) => (
              <section key={phase.id} className="mt-5" aria-labelledby={`${headingId}-phase-${phase.number}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <h3 id={`${headingId}-phase-${phase.number}`} className="font-serif text-lg font-semibold">
                    {phaseTitle(words, phase).english ? (
                      <Untranslated text={phase.name} lang="en" pageLocale={locale} note={false} />
                    ) : (
                      phaseTitle(words, phase).text
                    )}
                  </h3>
                  <StatusBadge status={phase.current!.status} />
                </div>
                {phase.summary ? (
                  <p className="text-sm" dir="auto">
                    <Untranslated text={phase.summary} lang="en" pageLocale={locale} />
                  </p>
                ) : null}
                <TermsVersionBody terms={phase.current!} />
              </section>
            ))
          )}
        </>
      )}
    </section>
  );
}
