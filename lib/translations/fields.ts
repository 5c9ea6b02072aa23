// Which editorial texts have translations, and where each one's English original lives.
// Shared by the editor (what to translate), the reader (what to show) and validation; safe in
// client components (the hashing lives in ./state.ts).

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

export type TranslationState = "current" | "outdated" | "missing" | "not-needed";
