import { isLocale, routing, type Locale } from "@/i18n/routing";

export type LocaleContext = { params: Promise<{ locale?: string }> };

/** A feed route's language from its [locale] segment (English when called without one); null for an unknown one. */
export async function feedLocale(context?: LocaleContext): Promise<Locale | null> {
  const locale = (await context?.params)?.locale ?? routing.defaultLocale;
  return isLocale(locale) ? locale : null;
}
