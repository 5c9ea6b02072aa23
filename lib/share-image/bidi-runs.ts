import { ArabicShaper } from "arabic-persian-reshaper";

/**
 * next/og (satori) has no bidirectional algorithm: it lays every line out left to right, so an
 * Arabic sentence comes out with its words in reverse reading order. Share images in Arabic are
 * therefore set word by word in a right-to-left row (see rtl-text.tsx), and this splits a text
 * into the pieces of that row, in reading order: each Arabic word on its own, and each stretch of
 * left-to-right words (English names, "61 civilians", "0 of 61") kept together so that it still
 * reads left to right inside the Arabic line. Satori shapes and orders the letters within one
 * Arabic word itself.
 *
 * A simplification of the Unicode bidirectional algorithm at word level: a word with an Arabic
 * letter is right to left; one with a Latin letter or digit is left to right; a word with neither
 * (a "·" separator) goes with the left-to-right stretch only when both its neighbours are in it.
 */
export type BidiRun = { text: string; rtl: boolean };

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/gu;
const LEFT_TO_RIGHT = /[\p{L}\p{N}]/u;

type Strength = "rtl" | "ltr" | "neutral";

const strengthOf = (word: string): Strength =>
  ARABIC.test(word) ? "rtl" : LEFT_TO_RIGHT.test(word) ? "ltr" : "neutral";

export function bidiRuns(text: string): BidiRun[] {
  const words = text.split(/\s+/).filter(Boolean);
  const strengths = words.map(strengthOf);
  const strongAt = (from: number, step: 1 | -1): Strength => {
    for (let i = from; i >= 0 && i < words.length; i += step) if (strengths[i] !== "neutral") return strengths[i]!;
    return "rtl";
  };
  const runs: BidiRun[] = [];
  words.forEach((word, index) => {
    const strength = strengths[index]!;
    const ltr =
      strength === "ltr" ||
      (strength === "neutral" && strongAt(index - 1, -1) === "ltr" && strongAt(index + 1, 1) === "ltr");
    const last = runs.at(-1);
    if (ltr && last && !last.rtl) last.text += ` ${word}`;
    else runs.push({ text: word, rtl: !ltr });
  });
  return runs;
}

/**
 * An Arabic word as next/og must be given it to draw it right: letters in their joined forms and
 * in visual (left-to-right) order. Satori would join the letters itself, but it measures the word
 * before joining (wider) and leaves the difference as a gap beside it; with the joined forms
 * (Arabic Presentation Forms-B, which the bundled font covers) what it measures is what it draws.
 * Short-vowel and other Arabic marks are left out, as in most headlines: satori cannot place
 * them over joined forms. Numbers or Latin inside the word keep their own order.
 */
export function visualArabic(word: string): string {
  const bare = word.replace(ARABIC_MARKS, "");
  const segments = ArabicShaper.convertArabic(bare).match(/[\p{Script=Latin}\p{Nd}]+|\P{M}\p{M}*/gu) ?? [];
  return segments.reverse().join("");
}
