// Which editorial texts have translations, and where each one's English original lives.
// Shared by the editor (what to translate), the reader (what to show) and validation.
import { createHash } from "node:crypto";

export const contentLocales = ["en", "ar"] as const;
export type ContentLocale = (typeof contentLocales)[number];
/** English is always the original; these are the languages a translation may be in. */
export const translationLocales = ["ar"] as const;
export type TranslationLocale = (typeof translationLocales)[number];

/** A text as shown in one language: `lang` is the language it is actually in (for `lang=` attributes). */
export type LocalizedText = { text: string; lang: ContentLocale };

export const translatableFields = [
  "NEGOTIATION_TITLE",
  "NEGOTIATION_SUMMARY",
  "OBLIGATION_DESCRIPTION",
  "DEVELOPMENT_TITLE",
  "DEVELOPMENT_SUMMARY",
  "FIGURE_LABEL",
  "FIGURE_DESCRIPTION",
  "CORRECTION_NOTE",
  "SOURCE_DESCRIPTION",
] as const;
export type TranslatableField = (typeof translatableFields)[number];

/** The longest translation each field takes: the English column's limit, with room for Arabic being longer. */
export const translationMaxLength: Record<TranslatableField, number> = {
  NEGOTIATION_TITLE: 300,
  NEGOTIATION_SUMMARY: 4000,
  OBLIGATION_DESCRIPTION: 1500,
  DEVELOPMENT_TITLE: 300,
  DEVELOPMENT_SUMMARY: 4000,
  FIGURE_LABEL: 300,
  FIGURE_DESCRIPTION: 2000,
  CORRECTION_NOTE: 1500,
  SOURCE_DESCRIPTION: 2000,
};

export const fieldLabels: Record<TranslatableField, string> = {
  NEGOTIATION_TITLE: "Title",
  NEGOTIATION_SUMMARY: "Summary",
  OBLIGATION_DESCRIPTION: "Obligation description",
  DEVELOPMENT_TITLE: "Development title",
  DEVELOPMENT_SUMMARY: "Development summary",
  FIGURE_LABEL: "Figure label",
  FIGURE_DESCRIPTION: "Figure description",
  CORRECTION_NOTE: "Correction note",
  SOURCE_DESCRIPTION: "Public description",
};

/**
 * The fingerprint of an English original that a translation records. NFC first, so the same
 * text typed on another keyboard (composed vs decomposed accents) is not "changed"; surrounding
 * white space is trimmed by every form already.
 */
export function originalHash(original: string): string {
  return createHash("sha256").update(original.normalize("NFC"), "utf8").digest("hex");
}

export type TranslationState = "current" | "outdated" | "missing" | "not-needed";

/** What a stored translation (or its absence) means for the original as it reads now. */
export function translationState(original: string, stored: { originalHash: string } | null): TranslationState {
  // An empty original (no summary yet) has nothing to translate; a leftover translation is not shown.
  if (original.trim() === "") return "not-needed";
  if (!stored) return "missing";
  return stored.originalHash === originalHash(original) ? "current" : "outdated";
}
