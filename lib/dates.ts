// Dates that are only as precise as the reporting: "July 2025" stays a month.
import type { DatePrecision } from "@/lib/generated/prisma/enums";

export type PartialDate = { date: Date; precision: DatePrecision };

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** "2026-02-24" → day, "2025-07" → month, "2025" → year; null when the date does not exist. */
export function parsePartialDate(text: string): PartialDate | null {
  const match = PARTIAL_DATE.exec(text.trim());
  if (!match) return null;
  const [, yearText, monthText, dayText] = match;
  const year = Number(yearText);
  const month = monthText ? Number(monthText) : 1;
  const day = dayText ? Number(dayText) : 1;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2025-02-30 over to March; a round trip exposes it.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 1900) return null;
  const precision: DatePrecision = dayText ? "DAY" : monthText ? "MONTH" : "YEAR";
  return { date, precision };
}

/** The inverse of parsePartialDate: "2025-07" for a month-precise date. */
export function toPartialDateString(date: Date, precision: DatePrecision): string {
  const iso = date.toISOString().slice(0, 10);
  if (precision === "YEAR") return iso.slice(0, 4);
  if (precision === "MONTH") return iso.slice(0, 7);
  return iso;
}

const options: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  DAY: { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" },
  MONTH: { month: "long", year: "numeric", timeZone: "UTC" },
  YEAR: { year: "numeric", timeZone: "UTC" },
};

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * "24 February 2026", "July 2025" or "2025", never more precise than known; `intlLocale` is a
 * BCP 47 tag (lib/i18n-format.ts gives a page's: "ar-u-nu-latn" → "24 فبراير 2026").
 */
export function formatPartialDate(date: Date, precision: DatePrecision, intlLocale = "en-GB"): string {
  const key = `${intlLocale}|${precision}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale, options[precision]);
    formats.set(key, format);
  }
  return format.format(date);
}
