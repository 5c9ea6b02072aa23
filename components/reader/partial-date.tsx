import type { DatePrecision } from "@/lib/generated/prisma/enums";
import { formatPartialDate, toPartialDateString } from "@/lib/dates";

/** A date shown no more precisely than it is known ("July 2025"). */
export function PartialDate({ iso, precision }: { iso: string; precision: DatePrecision }) {
  const date = new Date(iso);
  return <time dateTime={toPartialDateString(date, precision)}>{formatPartialDate(date, precision)}</time>;
}
