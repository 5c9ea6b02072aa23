import { Link } from "@/i18n/navigation";
import { useLocale, useTranslations } from "next-intl";
import type { NegotiationView } from "@/lib/data/reader/types";
import { actorName } from "@/lib/format/actor-name";
import { termsConfidence } from "@/lib/format/confidence";
import { PartialDate } from "../partial-date";
import { NoBreakName } from "../no-break-name";
import { ConfidenceMarks } from "./confidence-marks";
import { SideDirections } from "./side-directions";
import { StageStepper } from "./stage-stepper";

/**
 * What a reader comes for, above the fold on desktop and phone: who releases whom and how
 * far it has got, who mediates, where the talks stand, how sure the terms are, and when
 * something last happened.
 */
export function ReaderAnswer({ negotiation }: { negotiation: NegotiationView }) {
  const citations = negotiation.phases.flatMap((p) => p.current?.citations ?? []);
  const mediators = negotiation.participants.filter((p) => p.role === "MEDIATOR");
  const t = useTranslations("answer");
  const locale = useLocale();
  return (
    <section
      aria-labelledby="answer-heading"
      className="grid gap-3 rounded-lg border-2 border-ink bg-white p-4 shadow-sm dark:border-stone-500 dark:bg-stone-900"
      data-testid="reader-answer"
    >
      <h2 id="answer-heading" className="sr-only">
        {t("heading")}
      </h2>
      <StageStepper stage={negotiation.stage} history={negotiation.stageHistory} />
      {negotiation.sides.length > 0 ? (
        <SideDirections negotiation={negotiation} />
      ) : (
        <p className="text-stone-700 dark:text-stone-300">{t("noTerms")}</p>
      )}
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2 text-sm">
        {mediators.length > 0 ? (
          <p data-testid="answer-mediators">
            <span className="text-stone-700 dark:text-stone-300">{t("mediatedBy")}</span>
            {mediators.map((m, index) => (
              <span key={m.actor.slug}>
                {index > 0 ? (index === mediators.length - 1 ? t("and") : locale === "ar" ? "، " : ", ") : ""}
                <Link
                  href={`/actors/${m.actor.slug}`}
                  className="font-semibold underline"
                  prefetch={false}
                  dir="auto"
                  lang={actorName({ ...m.actor, arabicName: m.arabicName }, locale, false).lang}
                >
                  <NoBreakName name={actorName({ ...m.actor, arabicName: m.arabicName }, locale, false).text} />
                </Link>
              </span>
            ))}
          </p>
        ) : null}
        {negotiation.latestDevelopment ? (
          <p data-testid="latest-development">
            <span className="text-stone-700 dark:text-stone-300">{t("latest")}</span>
            <strong>
              <PartialDate iso={negotiation.latestDevelopment.on} precision={negotiation.latestDevelopment.precision} />
            </strong>
          </p>
        ) : null}
      </div>
      <ConfidenceMarks confidence={termsConfidence(citations)} />
    </section>
  );
}
