// The languages reader e-mails are written in, and their words: the same catalogs as the pages,
// read with createTranslator from use-intl/core: no request needed, and none of next-intl's React
// entry, which plain Node under --conditions=react-server (the job worker) cannot load.
import { createTranslator } from "use-intl/core";
import { z } from "zod";
import arMessages from "@/messages/ar.json";
import enMessages from "@/messages/en.json";

export const mailLocales = ["en", "ar"] as const;
export type MailLocale = (typeof mailLocales)[number];

/** A stored subscription language; anything unexpected in the column falls back to English. */
export const mailLocaleOf = (value: string | null | undefined): MailLocale => (value === "ar" ? "ar" : "en");

export const mailLocaleSchema = z.enum(mailLocales);

export function mailTranslator(locale: MailLocale) {
  return createTranslator({ locale, messages: locale === "ar" ? arMessages : enMessages });
}
export type MailTranslator = ReturnType<typeof mailTranslator>;
