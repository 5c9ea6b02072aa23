// Counts, quantities and progress in the page's language, from the `pageTerms` catalog namespace.
// English reads as lib/format/terms.ts always said it ("about 1,900 detainees"); Arabic counted
// nouns follow Arabic number agreement through ICU plurals (the six forms), numbers through Intl.
import type { Locale } from "@/i18n/routing";
import type { ReleaseCategory } from "@/lib/generated/prisma/enums";
import { formatNumber } from "@/lib/i18n-format";
import type { Quantity, QuantitySum } from "@/lib/ledger/quantity";

/** A translator for the `pageTerms` namespace (useTranslations / getTranslations / createTranslator). */
export type TermsTranslator = (key: string, values?: Record<string, string | number>) => string;

export type ReaderWords = { locale: Locale; t: TermsTranslator };

/** Vague wordings the Arabic catalog has words for; anything else reads "an unknown number". */
const vagueKey = (wording: string) => wording.trim().toLowerCase();

/** "61", "10–20", "about 1,900", "at least 5"; a count without a number reads in words. */
export function quantityText({ locale, t }: ReaderWords, quantity: Quantity): string {
  const n = (value: number) => formatNumber(locale, value);
  switch (quantity.kind) {
    case "EXACT":
      return n(quantity.value);
    case "RANGE":
      return quantity.min === quantity.max ? n(quantity.min) : `${n(quantity.min)}–${n(quantity.max)}`;
    case "APPROXIMATE":
      return t("qualified", { qualifier: quantity.qualifier, n: n(quantity.value) });
    case "UNKNOWN":
      // The wording is the editor's English ("dozens"): kept on English pages only.
      return locale === "en" && quantity.wording ? quantity.wording : t("unknownNumber");
  }
}

/** The number an Arabic (or English) counted noun agrees with. */
function agreementCount(quantity: Quantity): number {
  if (quantity.kind === "RANGE") return quantity.max;
  if (quantity.kind === "UNKNOWN") return 0;
  return quantity.value;
}

/** "61 civilians" / "61 مدنيًا", "about 1,900 detainees", "dozens of fighters" / "عشرات المقاتلين". */
export function obligationText(words: ReaderWords, quantity: Quantity | null, category: ReleaseCategory): string {
  const { t, locale } = words;
  if (!quantity || quantity.kind === "UNKNOWN") {
    const wording = quantity?.wording ?? "";
    if (locale === "en") return t("vaguePeople", { wording: wording || t("unknownNumber"), category });
    return t("vaguePeople", { wording: vagueKey(wording), category });
  }
  return t("people", { category, count: agreementCount(quantity), n: quantityText(words, quantity) });
}

/** "270", "about 1,900", "61 and dozens more", "none". */
export function sumText(words: ReaderWords, sum: QuantitySum): string {
  const { t, locale } = words;
  const unknown = locale === "en" ? sum.unknown.join(", ") : vagueKey(sum.unknown[0] ?? "");
  if (sum.total && sum.unknown.length > 0) return t("sumMore", { total: quantityText(words, sum.total), unknown });
  if (sum.total) return quantityText(words, sum.total);
  if (sum.unknown.length > 0) return locale === "en" ? unknown : t("unknownNumber");
  return t("none");
}

/** "270 of 880", "about 1,900 of about 1,900 — more than agreed". */
export function progressText(
  words: ReaderWords,
  p: { released: QuantitySum; agreed: QuantitySum; moreThanAgreed: boolean },
): string {
  const nothingYet = !p.released.total && p.released.unknown.length === 0;
  const released = nothingYet ? formatNumber(words.locale, 0) : sumText(words, p.released);
  const text = words.t("progress", { released, agreed: sumText(words, p.agreed) });
  return p.moreThanAgreed ? words.t("moreThanAgreed", { text }) : text;
}

/** "990 detainees (30 per hostage)", or "30 detainees per hostage" while the base has no number. */
export function ratioAwareText(
  words: ReaderWords,
  o: {
    agreed: Quantity | null;
    category: ReleaseCategory;
    ratio: { perUnit: number; baseCategory: ReleaseCategory | null } | null;
  },
): string {
  const { t, locale } = words;
  if (!o.ratio?.baseCategory) return obligationText(words, o.agreed, o.category);
  const base = t("categoryOne", { category: o.ratio.baseCategory });
  const perUnit = formatNumber(locale, o.ratio.perUnit);
  return o.agreed
    ? `${obligationText(words, o.agreed, o.category)} (${t("ratio", { perUnit, base })})`
    : t("ratioOnly", { perUnit, people: t("categoryMany", { category: o.category }), base });
}

/**
 * A phase's heading: "Phase 2" / "المرحلة 2" when it has no name of its own (or the stored name is
 * just that), else its name, which is editorial English (`english: true`, to be marked as such).
 */
export function phaseTitle(
  { t, locale }: ReaderWords,
  phase: { name: string; number: number },
): { text: string; english: boolean } {
  const plain = !phase.name || phase.name.trim() === `Phase ${phase.number}`;
  if (plain) return { text: t("phase", { number: formatNumber(locale, phase.number) }), english: false };
  return { text: phase.name, english: locale !== "en" };
}
