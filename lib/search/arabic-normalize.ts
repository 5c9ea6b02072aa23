// Folds the ways one Arabic word is commonly typed into one spelling, so a search finds
// "السويداء" whether it is typed with hamza or without, with harakat, with tatweel or with
// Arabic-Indic digits. The database does the same with parley_search_fold() (migration
// content_translations); tests/integration/arabic-search.integration.test.ts checks both agree.

/** Harakat and Quranic marks (U+0610–U+061A, U+064B–U+065F, U+0670, U+06D6–U+06ED) and tatweel (U+0640). */
export const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;

/** One character to another; the same pairs, in the same order, as the SQL translate() call. */
export const ARABIC_FOLDS: ReadonlyArray<readonly [string, string]> = [
  ["أ", "ا"],
  ["إ", "ا"],
  ["آ", "ا"],
  ["ٱ", "ا"],
  ["ة", "ه"],
  ["ى", "ي"],
  ...[..."٠١٢٣٤٥٦٧٨٩"].map((digit, value) => [digit, String(value)] as const),
  ...[..."۰۱۲۳۴۵۶۷۸۹"].map((digit, value) => [digit, String(value)] as const),
];

const foldMap = new Map(ARABIC_FOLDS);

/**
 * Search form of a text: Arabic letter variants folded, marks and tatweel removed, digits Latin,
 * lower case. Only for matching; never shown. Hamza on the line (ء) is kept: "السويدا" already
 * finds "السويداء" as a substring, and dropping it would merge distinct words.
 * Hamza and madda written as combining marks (U+0653–U+0655) fall in the removed range, so the
 * composed and decomposed forms of أ إ آ fold alike without Unicode normalisation.
 */
export function normalizeForSearch(text: string): string {
  return [...text.replace(ARABIC_MARKS, "")]
    .map((ch) => foldMap.get(ch) ?? ch)
    .join("")
    .toLowerCase();
}
