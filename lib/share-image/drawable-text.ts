/** What a share image shows in place of characters its bundled fonts cannot draw. */
export const UNDRAWABLE = "?";

/**
 * `text` reduced to what the bundled fonts draw: every character outside `ranges`
 * (emoji, CJK, …) becomes "?", and invisible format characters (bidi controls,
 * zero-width spaces; not the joiners Arabic uses) and controls are dropped. next/og
 * would otherwise fetch a font or an emoji image from the internet for them.
 */
export function drawableText(text: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  let result = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code === 0x200c || code === 0x200d) result += char;
    else if (/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u.test(char)) continue;
    else if (ranges.some(([from, to]) => code >= from && code <= to)) result += char;
    else result += UNDRAWABLE;
  }
  return result;
}
