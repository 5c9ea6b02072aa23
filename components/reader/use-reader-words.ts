import { useLocale, useTranslations } from "next-intl";
import { isLocale } from "@/i18n/routing";
import type { ReaderWords, TermsTranslator } from "@/lib/format/reader-words";

/** The page's locale and its `pageTerms` messages, for the count and progress wording of lib/format/reader-words. */
export function useReaderWords() {
  const t = useTranslations("pageTerms");
  const locale = useLocale();
  const words: ReaderWords = { locale: isLocale(locale) ? locale : "en", t: t as unknown as TermsTranslator };
  // `rich` for messages with tags (actor names as links inside the sentence).
  return { ...words, t: Object.assign(words.t, { rich: t.rich }) };
}
