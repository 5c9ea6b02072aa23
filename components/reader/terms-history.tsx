import { useTranslations } from "next-intl";
import type { PhaseView, TermsVersionView } from "@/lib/data/reader/types";
import { termsStatusLabels } from "@/lib/format/labels";
import { termsOneLiner } from "@/lib/format/terms";
import { diffTermsVersions } from "@/lib/format/terms-diff";
import { CitationDisclosure } from "./citation-list";
import { PartialDate } from "./partial-date";

const marks = {
  added: { sign: "+", label: "Added", tone: "text-emerald-800 dark:text-emerald-300" },
  removed: { sign: "−", label: "Removed", tone: "text-red-800 dark:text-red-300" },
  changed: { sign: "~", label: "Changed", tone: "text-amber-800 dark:text-amber-300" },
};

/** Every version of the terms, newest first, with what changed from the one before. */
export function TermsHistory({ versions, phases = [] }: { versions: TermsVersionView[]; phases?: PhaseView[] }) {
  const t = useTranslations("reader");
  const phaseNames = new Map(phases.length > 1 ? phases.map((p) => [p.id, p.name || `Phase ${p.number}`]) : []);
  if (versions.length === 0) return null;
  return (
    <section aria-labelledby="terms-history-heading">
      <h2 id="terms-history-heading" className="font-serif text-xl font-semibold">
        {t("termsHistoryHeading")}
      </h2>
      <ol className="mt-3 grid gap-4">
        {versions.map((version, index) => {
          // The version before, within the same phase: each phase has its own history.
          const previous = versions.slice(index + 1).find((v) => v.phaseId === version.phaseId);
          const changes = previous ? diffTermsVersions(previous, version) : [];
          const items = version.obligations
            .filter((o) => !o.withdrawn)
            .map((o) => ({ quantity: o.agreed, category: o.category, releasingActorId: o.releasing.slug }));
          return (
            <li
              key={version.id}
              className="rounded-md border border-stone-200 p-4 dark:border-stone-700"
              data-testid="terms-version"
            >
              <h3 className="font-medium">
                {phaseNames.get(version.phaseId) ? `${phaseNames.get(version.phaseId)}, v` : "V"}ersion {version.number}{" "}
                · <PartialDate iso={version.proposedOn} precision={version.proposedPrecision} /> ·{" "}
                {termsStatusLabels[version.status]}
              </h3>
              <p className="mt-1" dir="auto">
                {termsOneLiner(items)}
              </p>
              {previous ? (
                changes.length > 0 ? (
                  <ul className="mt-2 grid gap-1 text-sm" aria-label={`Changes from version ${previous.number}`}>
                    {changes.map((change) => (
                      <li key={`${change.kind}-${change.text}`} className={marks[change.kind].tone}>
                        <span aria-hidden="true">{marks[change.kind].sign} </span>
                        <span className="sr-only">{marks[change.kind].label}: </span>
                        {change.text}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
                    No change to the obligations from version {previous.number}.
                  </p>
                )
              ) : (
                <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">First reported version.</p>
              )}
              <CitationDisclosure citations={version.citations} about={`terms version ${version.number}`} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
