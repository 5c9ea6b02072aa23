import { useLocale, useTranslations } from "next-intl";
import type { ActorRef, NegotiationView } from "@/lib/data/reader/types";
import { actorName } from "@/lib/format/actor-name";
import { sideDirections, sideName as nameOf } from "@/lib/format/directions";
import { formatNumber } from "@/lib/i18n-format";
import { progressText, ratioAwareText } from "@/lib/format/reader-words";
import { useReaderWords } from "../use-reader-words";
import { isLocale } from "@/i18n/routing";
import { NoBreakName } from "../no-break-name";

/** One large counter per releasing side, under who it releases to whom. */
export function SideDirections({ negotiation }: { negotiation: NegotiationView }) {
  const t = useTranslations("answer");
  const pageLocale = useLocale();
  const locale = isLocale(pageLocale) ? pageLocale : "en";
  const words = useReaderWords();
  if (negotiation.sides.length === 0) return null;
  const Name = ({ actor }: { actor: ActorRef }) => {
    const { text, lang } = actorName(actor, locale);
    return (
      <span lang={lang === locale ? undefined : lang}>
        <NoBreakName name={text} />
      </span>
    );
  };
  return (
    <ul className="grid gap-3 sm:grid-cols-2" aria-label={t("sidesLabel")}>
      {negotiation.sides.map((side) => {
        // On Arabic pages the side is named by its actor's Arabic name; the side label is English.
        const arabic = locale === "ar" ? actorName(side.actor, locale) : null;
        const sideName = arabic?.lang === "ar" ? arabic.text : nameOf(side);
        const sideLang = locale !== "en" && arabic?.lang !== "ar" ? "en" : undefined;
        const progress = progressText(words, side);
        const percent = side.target ? Math.min(100, Math.round((side.releasedCount / side.target) * 100)) : 0;
        return (
          <li
            key={side.actor.slug}
            className="rounded-md border border-stone-300 p-3 dark:border-stone-600"
            data-testid="answer-side"
          >
            {sideDirections(negotiation, side).map(({ receiving, obligations }) => (
              <p key={receiving.slug} className="text-base font-semibold sm:text-lg" data-testid="answer-direction">
                {/* The line runs in the page's direction and the arrow points the way it reads:
                    leftward on Arabic pages. Each name is isolated (<bdi>, dir="auto"): otherwise the
                    English names pull the arrows into one left-to-right run, and the line reads
                    backwards under leftward arrows (Hijri ← … ← Damascus). */}
                <bdi>
                  <Name actor={side.actor} />
                </bdi>{" "}
                <Arrow />
                <span className="sr-only">{t("releases")}</span>{" "}
                <span>
                  {obligations
                    .map((o) =>
                      ratioAwareText(words, {
                        agreed: o.agreed,
                        category: o.category,
                        ratio: o.ratio ? { perUnit: o.ratio.perUnit, baseCategory: o.ratio.perUnitOfCategory } : null,
                      }),
                    )
                    .join(words.t("separator"))}
                </span>{" "}
                <Arrow />
                <span className="sr-only">{t("to")}</span>{" "}
                <bdi>
                  <Name actor={receiving} />
                </bdi>
              </p>
            ))}
            <p className="mt-1 flex flex-wrap items-baseline gap-x-2" data-testid="answer-total">
              <span className="font-serif text-4xl font-bold tabular-nums">
                {formatNumber(locale, side.releasedCount)}
              </span>
              {side.target !== null ? (
                <span className="text-2xl font-semibold tabular-nums text-stone-700 dark:text-stone-300">
                  / {formatNumber(locale, side.target)}
                </span>
              ) : null}
              <span className="text-sm text-stone-700 dark:text-stone-300">
                {t("releasedBy")}
                <bdi lang={sideLang}>
                  <NoBreakName name={sideName} />
                </bdi>
                {side.target === null ? ` (${progress})` : side.moreThanAgreed ? t("moreThanAgreed") : ""}
              </span>
            </p>
            {side.target !== null ? (
              <div
                role="progressbar"
                aria-valuemin={0}
                aria-valuemax={side.target}
                aria-valuenow={side.releasedCount}
                aria-label={t("progressLabel", { side: sideName, progress })}
                className="mt-2 h-3 overflow-hidden rounded-full border border-stone-500 bg-stone-100 dark:border-stone-400 dark:bg-stone-800"
              >
                <div className="h-full bg-emerald-700 dark:bg-emerald-400" style={{ width: `${percent}%` }} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** "→" in English, "←" on right-to-left pages: from who releases, to who receives. */
function Arrow() {
  return (
    <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
      →
    </span>
  );
}
