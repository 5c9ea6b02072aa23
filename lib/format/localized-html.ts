import { createTranslator } from "use-intl/core";
import type { Locale } from "@/i18n/routing";
import arMessages from "@/messages/ar.json";
import enMessages from "@/messages/en.json";
import type { LocalizedText } from "@/lib/translations/fields";
import { escapeHtml } from "./html";

/**
 * "(النص بالإنجليزية)": the note beside editorial text shown in another language than the
 * document's (an item published before its translation), as on the reader pages.
 */
export function untranslatedNote(locale: Locale, lang: string): string {
  const t = createTranslator({
    locale,
    messages: locale === "ar" ? arMessages : enMessages,
    namespace: "untranslated",
  });
  return `(${t("note", { lang })})`;
}

/**
 * A text as HTML inside a document in `locale`: as is when it is in that language; otherwise
 * marked with its own `lang` (screen readers switch voice, the right font applies), run in its own
 * direction, and followed by the note unless `note` is false (generated wording, not editorial text).
 */
export function localizedHtml(value: LocalizedText, locale: Locale, { note = true } = {}): string {
  const escaped = escapeHtml(value.text);
  if (value.lang === locale) return escaped;
  const marked = `<span lang="${value.lang}" dir="auto">${escaped}</span>`;
  return note ? `${marked} ${escapeHtml(untranslatedNote(locale, value.lang))}` : marked;
}
