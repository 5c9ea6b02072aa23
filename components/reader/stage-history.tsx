import { useLocale, useTranslations } from "next-intl";
import { StageBadge } from "@/components/negotiations/stage-badge";
import type { NegotiationView } from "@/lib/data/reader/types";
import { PartialDate } from "./partial-date";
import { Untranslated } from "./untranslated";

export function StageHistory({
  stage,
  history,
}: {
  stage: NegotiationView["stage"];
  history: NegotiationView["stageHistory"];
}) {
  const t = useTranslations("reader");
  // Stage notes are editorial English (not yet translatable): marked on other pages.
  const locale = useLocale();
  return (
    <section aria-labelledby="stage-heading">
      <h2 id="stage-heading" className="font-serif text-xl font-semibold">
        {t("stageHeading")}
      </h2>
      <p className="mt-2">
        {t("currentStage")} <StageBadge stage={stage} />
      </p>
      {history.length > 0 ? (
        <ol className="mt-3 grid gap-2 border-s-2 border-stone-300 ps-4 text-sm dark:border-stone-700">
          {history.map((change, index) => (
            <li key={`${change.stage}-${change.effectiveOn}-${index}`}>
              {change.effectiveOn ? (
                <PartialDate iso={change.effectiveOn} precision={change.effectivePrecision} />
              ) : (
                <span>{t("trackingStarted")}</span>
              )}
              : <StageBadge stage={change.stage} />
              {change.note ? (
                <span className="block text-stone-700 dark:text-stone-300" dir="auto">
                  <Untranslated text={change.note} lang="en" pageLocale={locale} note={false} />
                </span>
              ) : null}
              {change.developmentId ? (
                <a href={`#development-${change.developmentId}`} className="text-blue-800 underline dark:text-blue-300">
                  {t("seeDevelopment")}
                </a>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
