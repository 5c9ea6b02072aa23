import { expect, type Page } from "@playwright/test";

/**
 * Finds English left on a page in another language: every text node of the header, main and
 * footer that a reader sees or hears (screen-reader-only text counts; display:none does not),
 * outside elements marked lang="en" and outside code samples. Closed <details> are opened first,
 * so disclosed citations are checked too. Shared by the Arabic page specs.
 */

/** What may stay Latin on an Arabic page: the brand, format names, ISO codes, addresses. */
export const ALLOWED_LATIN: RegExp[] = [
  /https?:\/\/\S+/g, // URLs
  /\bParley\b/g, // the brand
  /\b(?:JSON|RSS|Atom|oEmbed)\b/g, // format names, written in Latin in Arabic technical prose too
  /\b[A-Z]{2}\b/g, // ISO 3166 / 639 codes (SY, ar)
];

export type Offender = { text: string; where: string };

export async function findUntranslatedText(page: Page, allowed: RegExp[] = ALLOWED_LATIN): Promise<Offender[]> {
  const found = await page.evaluate(() => {
    for (const details of document.querySelectorAll("details")) details.open = true;
    const roots = document.querySelectorAll("body > header, header, main, footer");
    const skip = "script, style, noscript, template, code, pre, kbd, samp";
    const out: Array<{ text: string; where: string }> = [];
    const seen = new Set<Node>();
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (seen.has(node)) continue;
        seen.add(node);
        const text = node.textContent?.trim() ?? "";
        const element = node.parentElement;
        if (!text || !element) continue;
        if (element.closest(skip)) continue;
        // The nearest lang attribute decides the language of the text.
        const lang = element.closest("[lang]")?.getAttribute("lang") ?? "";
        if (lang === "en" || lang.startsWith("en-")) continue;
        if (!element.checkVisibility()) continue;
        const where = [element.tagName.toLowerCase(), element.getAttribute("data-testid") ?? element.className]
          .filter(Boolean)
          .join(" ");
        out.push({ text, where });
      }
    }
    return out;
  });
  return found.filter(({ text }) => {
    const rest = allowed.reduce((left, pattern) => left.replace(pattern, " "), text);
    return /[A-Za-z]{2,}/.test(rest);
  });
}

/** Fails with the list of offending texts (and the element each sits in). */
export async function expectNoUntranslatedText(page: Page, allowed?: RegExp[]): Promise<void> {
  const offenders = await findUntranslatedText(page, allowed);
  expect(
    offenders.map((o) => `${JSON.stringify(o.text)} in <${o.where}>`),
    `English text outside lang="en" on ${page.url()}`,
  ).toEqual([]);
}
