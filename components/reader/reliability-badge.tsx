import { useTranslations } from "next-intl";
import type { Reliability } from "@/lib/generated/prisma/enums";

const tones: Record<Reliability, string> = {
  A: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  B: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  C: "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  D: "bg-orange-100 text-orange-900 dark:bg-orange-950 dark:text-orange-100",
  E: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
  F: "bg-stone-200 text-stone-900 dark:bg-stone-700 dark:text-stone-100",
};

/** The rating letter (Latin in every language: the A–F scale is named by its letters), its meaning for screen readers. */
export function ReliabilityBadge({ rating }: { rating: Reliability }) {
  const t = useTranslations("source");
  const meaning = t(`rating.${rating}`);
  return (
    <span className={`inline-flex items-center rounded px-1.5 text-xs font-semibold ${tones[rating]}`} title={meaning}>
      <span aria-hidden="true">{rating}</span>
      <span className="sr-only">{t("badge", { rating, meaning })}</span>
    </span>
  );
}
