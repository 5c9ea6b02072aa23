import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { Badge } from "@/components/ui/badge";
import type { ObligationView, PhaseView, SideView, TermsVersionView } from "@/lib/data/reader/types";
import { categoryLabels, termsStatusLabels } from "@/lib/format/labels";
import { formatQuantity } from "@/lib/ledger/quantity";
import { CitationDisclosure } from "./citation-list";
import { PartialDate } from "./partial-date";
import { ProgressBar } from "./progress-bar";

function ActorLink({ actor }: { actor: ObligationView["releasing"] }) {
  return (
    <Link href={`/actors/${actor.slug}`} prefetch={false} className="underline decoration-stone-400" dir="auto">
      {actor.shortName ?? actor.name}
    </Link>
  );
}

function Obligation({ obligation: o }: { obligation: ObligationView }) {
  const singular = o.agreed?.kind === "EXACT" && o.agreed.value === 1;
  const noun = singular ? categoryLabels[o.category].one : categoryLabels[o.category].many;
  const count = o.agreed ? formatQuantity(o.agreed) : o.quantity ? formatQuantity(o.quantity) : "unknown";
  return (
    <li
      className={`rounded-md border border-stone-200 p-4 dark:border-stone-700 ${o.withdrawn ? "opacity-70" : ""}`}
      data-testid="terms-item"
    >
      <p className="text-sm text-stone-600 dark:text-stone-400">
        <ActorLink actor={o.releasing} /> releases to <ActorLink actor={o.receiving} />
        {o.withdrawn ? (
          <>
            {" "}
            <Badge tone="alert">Withdrawn</Badge>
          </>
        ) : null}
      </p>
      <p className="mt-1">
        <span className="font-serif text-4xl font-bold tabular-nums" data-testid="terms-count">
          {count}
        </span>{" "}
        <span className="text-lg font-medium">{noun}</span>
      </p>
      {o.ratio ? (
        <p className="mt-1 text-sm" data-testid="terms-ratio">
          {o.ratio.perUnit} per {o.ratio.perUnitOfText}
          {o.derived && o.agreed ? " (total derived from the ratio)" : ""}
        </p>
      ) : null}
      {o.breakdowns.length > 0 ? (
        <ul className="mt-1 text-sm" aria-label="Of whom">
          {o.breakdowns.map((b) => (
            <li key={b.label}>
              of whom {b.text} {b.label}
              {b.category ? ` (${categoryLabels[b.category].many})` : ""}
            </li>
          ))}
          {o.breakdownsExceedWhole ? (
            <li className="text-xs text-stone-600 dark:text-stone-400">These groups overlap.</li>
          ) : null}
        </ul>
      ) : null}
      {o.description ? (
        <p className="mt-1 text-sm" dir="auto">
          {o.description}
        </p>
      ) : null}
      <div className="mt-3">
        {o.progress.target !== null ? (
          <ProgressBar value={o.progress.releasedCount} max={o.progress.target} label={`${o.progressText} released`} />
        ) : (
          <p className="text-xs text-stone-700 dark:text-stone-300">{o.progressText} released so far</p>
        )}
      </div>
    </li>
  );
}

function TermsVersionBody({ terms }: { terms: TermsVersionView }) {
  return (
    <>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        Version {terms.number}, {terms.proposedBy ? `proposed by ${terms.proposedBy.name}, ` : ""}
        <PartialDate iso={terms.proposedOn} precision={terms.proposedPrecision} />
      </p>
      <ul className="mt-4 grid gap-3 sm:grid-cols-2">
        {terms.obligations.map((o) => (
          <Obligation key={o.id} obligation={o} />
        ))}
      </ul>
      {terms.summary ? (
        <p className="mt-3 text-sm" dir="auto">
          {terms.summary}
        </p>
      ) : null}
      <CitationDisclosure citations={terms.citations} label="Sources for these terms" />
    </>
  );
}

function StatusBadge({ status }: { status: TermsVersionView["status"] }) {
  return (
    <Badge
      tone={status === "WITHDRAWN" ? "alert" : status === "IMPLEMENTED" ? "done" : "live"}
      label="Status of the terms"
    >
      {termsStatusLabels[status]}
    </Badge>
  );
}

/** "Syrian government: released 61 of 61"; one line per releasing side, summed over every phase. */
function SideTotals({ sides }: { sides: SideView[] }) {
  if (sides.length === 0) return null;
  return (
    <ul className="mt-3 grid gap-2 sm:grid-cols-2" aria-label="Released by each side">
      {sides.map((side) => (
        <li key={side.actor.slug} className="text-sm" data-testid="side-total">
          <span className="font-medium" dir="auto">
            {side.label ?? side.actor.shortName ?? side.actor.name}
          </span>{" "}
          released <span data-testid="side-total-text">{side.progressText}</span>
          {side.target !== null ? (
            <ProgressBar
              value={side.releasedCount}
              max={side.target}
              label={`${side.label ?? side.actor.shortName ?? side.actor.name} released ${side.progressText}`}
              caption={false}
            />
          ) : null}
        </li>
      ))}
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
                    {phase.name || `Phase ${phase.number}`}
                  </h3>
                  <StatusBadge status={phase.current!.status} />
                </div>
                {phase.summary ? (
                  <p className="text-sm" dir="auto">
                    {phase.summary}
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
