import { useLocale } from "next-intl";
import type { DatePrecision } from "@/lib/generated/prisma/enums";
import { formatPartialDate, toPartialDateString } from "@/lib/dates";
import { isLocale } from "@/i18n/routing";
import { intlLocale } from "@/lib/i18n-format";

/** A date shown no more precisely than it is known ("July 2025"), in the page's language. */
export function PartialDate({ iso, precision }: { iso: string; precision: DatePrecision }) {
  const locale = useLocale();
  const date = new Date(iso);
  return (
    <time dateTime={toPartialDateString(date, precision)}>
      {formatPartialDate(date, precision, intlLocale(isLocale(locale) ? locale : "en"))}
    </time>
  );
}
