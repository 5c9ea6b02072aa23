import type { NegotiationView } from "@/lib/data/reader/types";
import { useTranslations } from "next-intl";
import type { Stage } from "@/lib/generated/prisma/enums";

/** The path a negotiation takes when it goes well; the other stages are detours off it. */
export const STAGE_PATH: readonly Stage[] = ["PRE_TALKS", "TALKS", "AGREEMENT", "IMPLEMENTATION", "CONCLUDED"];

/** Where on the path a negotiation stands: its stage, or for a detour the last path stage it reached. */
export function stageOnPath(stage: Stage, history: NegotiationView["stageHistory"]): Stage {
  if (STAGE_PATH.includes(stage)) return stage;
  const reached = history.map((h) => h.stage).filter((s) => STAGE_PATH.includes(s));
  return reached.at(-1) ?? "PRE_TALKS";
}

/** The stage as a stepper: done, current and coming steps, with a detour (stalled, collapsed) named beside it. */
export function StageStepper({ stage, history }: { stage: Stage; history: NegotiationView["stageHistory"] }) {
  const at = STAGE_PATH.indexOf(stageOnPath(stage, history));
  const detour = STAGE_PATH.includes(stage) ? null : stage;
  const t = useTranslations();
  return (
    <div data-testid="answer-stage">
      <h3 className="sr-only">{t("answer.stage")}</h3>
      <ol className="grid grid-cols-5 gap-1 text-[11px] leading-tight sm:text-xs">
        {STAGE_PATH.map((step, index) => {
          const state = index < at ? "done" : index === at ? "current" : "next";
          return (
            <li
              key={step}
              aria-current={state === "current" ? "step" : undefined}
              className={`border-t-4 pt-1 hyphens-auto break-words ${
                state === "next"
                  ? "border-stone-300 text-stone-600 dark:border-stone-600 dark:text-stone-400"
                  : state === "current"
                    ? "border-ink font-bold text-ink dark:border-stone-100 dark:text-stone-100"
                    : "border-emerald-700 text-stone-800 dark:border-emerald-400 dark:text-stone-200"
              }`}
            >
              {t(`stage.${step}`)}
              <span className="sr-only">
                {state === "done" ? t("answer.passed") : state === "current" ? t("answer.current") : ""}
              </span>
            </li>
          );
        })}
      </ol>
      {detour ? (
        <p className="mt-1 text-sm font-semibold text-red-800 dark:text-red-300" data-testid="answer-detour">
          {t("answer.now", { stage: t(`stage.${detour}`) })}
        </p>
      ) : null}
    </div>
  );
}
