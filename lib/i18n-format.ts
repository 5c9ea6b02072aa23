// Numbers and dates for a page's language, through Intl. The digits of Arabic pages are one
// setting (PARLEY_ARABIC_DIGITS): Latin digits by default, as most Arabic news sites use them.
import type { Locale } from "@/i18n/routing";
import { env } from "@/lib/env";

/** The BCP 47 tag Intl formats with: British English, or Arabic with the configured digits. */
export function intlLocale(locale: Locale): string {
  return locale === "ar" ? `ar-u-nu-${env().PARLEY_ARABIC_DIGITS}` : "en-GB";
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}

/** A record's edit time as a date ("29 Nov 2026"), UTC. */
export function formatShortDate(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(iso));
}

/** An edit time to the minute ("29 Nov 2026, 21:30 UTC"). */
export function formatDateTime(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: "2-digit",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "UTC",
    timeZoneName: "short",
  }).format(new Date(iso));
}
