import { useTranslations } from "next-intl";
import type { ObligationView, PhaseView, TermsVersionView } from "@/lib/data/reader/types";
import { actorName } from "@/lib/format/actor-name";
import { obligationText, phaseTitle, type ReaderWords } from "@/lib/format/reader-words";
import { diffTermsVersions, type TermsDiffWording } from "@/lib/format/terms-diff";
import { formatNumber } from "@/lib/i18n-format";
import { CitationDisclosure } from "./citation-list";
import { PartialDate } from "./partial-date";
import { useReaderWords } from "./use-reader-words";

const tones = {
  added: "text-emerald-800 dark:text-emerald-300",
  removed: "text-red-800 dark:text-red-300",
  changed: "text-amber-800 dark:text-amber-300",
};
const signs = { added: "+", removed: "−", changed: "~" };

/** An obligation's count in the page's language ("61 civilians", "61 مدنيًا"). */
const what = (words: ReaderWords, o: ObligationView) => obligationText(words, o.agreed, o.category);

/** The change sentences of lib/format/terms-diff, in the page's language. */
function diffWording(words: ReaderWords): TermsDiffWording {
  const { t, locale } = words;
  const name = (actor: ObligationView["releasing"]) => actorName(actor, locale).text;
  return {
    describe: (o) => t("obligationLine", { from: name(o.releasing), what: what(words, o), to: name(o.receiving) }),
    statusChange: (from, to) =>
      t("statusChange", { from: t("status", { status: from }), to: t("status", { status: to }) }),
    was: (line, before) => t("was", { line, before: what(words, before) }),
    descriptionNow: (line, o) => t("descriptionNow", { line, description: o.localized.description.text }),
  };
}

/** "61 civilians ↔ 30 security personnel": two sides read as a swap, more as a list. */
function oneLiner(words: ReaderWords, obligations: ObligationView[]): string {
  const groups = new Map<string, string[]>();
  for (const o of obligations) groups.set(o.releasing.slug, [...(groups.get(o.releasing.slug) ?? []), what(words, o)]);
  const sides = [...groups.values()].map((group) => group.join(words.t("plus")));
  return sides.join(sides.length === 2 ? words.t("swap") : words.t("list"));
}

/** Every version of the terms, newest first, with what changed from the one before. */
export function TermsHistory({ versions, phases = [] }: { versions: TermsVersionView[]; phases?: PhaseView[] }) {
  const t = useTranslations("reader");
  const figures = useTranslations("pageFigures");
  const words = useReaderWords();
  const { locale } = words;
  const n = (value: number) => formatNumber(locale, value);
  const phaseNames = new Map(phases.length > 1 ? phases.map((p) => [p.id, phaseTitle(words, p).text]) : []);
  if (versions.length === 0) return null;
  const wording = diffWording(words);
  return (
    <section aria-labelledby="terms-history-heading">
      <h2 id="terms-history-heading" className="font-serif text-xl font-semibold">
        {t("termsHistoryHeading")}
      </h2>
      <ol className="mt-3 grid gap-4">
        {versions.map((version, index) => {
          // The version before, within the same phase: each phase has its own history.
          const previous = versions.slice(index + 1).find((v) => v.phaseId === version.phaseId);
          const changes = previous ? diffTermsVersions(previous, version, wording) : [];
          return (
            <li
              key={version.id}
              className="rounded-md border border-stone-200 p-4 dark:border-stone-700"
              data-testid="terms-version"
            >
              <h3 className="font-medium">
                {words.t("historyVersion", {
                  phase: phaseNames.get(version.phaseId) ?? "none",
                  number: n(version.number),
                })}{" "}
                · <PartialDate iso={version.proposedOn} precision={version.proposedPrecision} /> ·{" "}
                {words.t("status", { status: version.status })}
              </h3>
              <p className="mt-1">
                {oneLiner(
                  words,
                  version.obligations.filter((o) => !o.withdrawn),
                )}
              </p>
              {previous ? (
                changes.length > 0 ? (
                  <ul
                    className="mt-2 grid gap-1 text-sm"
                    aria-label={words.t("changesFrom", { number: n(previous.number) })}
                  >
                    {changes.map((change) => (
                      <li key={`${change.kind}-${change.text}`} className={tones[change.kind]}>
                        <span aria-hidden="true">{signs[change.kind]} </span>
                        <span className="sr-only">{words.t(change.kind)}: </span>
                        {change.text}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
                    {words.t("noChange", { number: n(previous.number) })}
                  </p>
                )
              ) : (
                <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">{words.t("firstVersion")}</p>
              )}
              <CitationDisclosure
                citations={version.citations}
                label={figures("sources")}
                // citation-list.tsx words " for …" in English: left out on other pages until it is translated.
                about={locale === "en" ? words.t("aboutVersion", { number: n(version.number) }) : undefined}
              />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
