// Filters for the admin audit log, read from the page's query string and the CSV export's.
import { z } from "zod";
import { parsePartialDate } from "@/lib/dates";

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_MAX_PAGE_SIZE = 200;

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_BIGINT = 2n ** 63n - 1n;
const limitMessage = `Show between 1 and ${AUDIT_MAX_PAGE_SIZE} entries per page.`;

/** "2025-07-14" as midnight UTC; anything else (or a day that does not exist) is an error. */
const daySchema = z.string().transform((text, ctx) => {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parsePartialDate(text) : null;
  if (!parsed) {
    ctx.addIssue({ code: "custom", message: "Enter a real date as YYYY-MM-DD." });
    return z.NEVER;
  }
  return parsed.date;
});

export const auditFilterSchema = z
  .object({
    userId: z.uuid("Choose a staff member from the list.").optional(),
    entityType: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, "Choose a record type from the list.")
      .optional(),
    negotiationId: z.uuid("Choose a negotiation from the list.").optional(),
    from: daySchema.optional(),
    // The "to" day is inclusive: entries up to its last millisecond (timestamps are stored to the millisecond).
    to: daySchema.transform((day) => new Date(day.getTime() + DAY_MS - 1)).optional(),
    cursor: z
      .string()
      .regex(/^[1-9]\d{0,18}$/, "This page link is broken; go back to the first page.")
      .transform((text) => BigInt(text))
      .refine((id) => id <= MAX_BIGINT, "This page link is broken; go back to the first page.")
      .optional(),
    limit: z
      .string()
      .regex(/^\d{1,4}$/, limitMessage)
      .transform(Number)
      .pipe(z.number().int().min(1, limitMessage).max(AUDIT_MAX_PAGE_SIZE, limitMessage))
      .default(AUDIT_PAGE_SIZE),
  })
  .refine(({ from, to }) => !from || !to || from <= to, {
    path: ["to"],
    message: "The end date is before the start date.",
  });

export type AuditFilter = z.output<typeof auditFilterSchema>;

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of each parameter, trimmed; empty form fields count as "not set". */
export function normaliseSearchParams(params: SearchParams | URLSearchParams): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const values: Record<string, string> = {};
  for (const [key, raw] of entries) {
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (value && values[key] === undefined) values[key] = value.slice(0, 200);
  }
  return values;
}

export type AuditFilterParse =
  | { ok: true; filter: AuditFilter; values: Record<string, string> }
  | { ok: false; errors: Record<string, string[]>; values: Record<string, string> };

/** Parses query-string filters; bad input becomes field errors, never an exception. */
export function parseAuditFilter(params: SearchParams | URLSearchParams): AuditFilterParse {
  const values = normaliseSearchParams(params);
  const parsed = auditFilterSchema.safeParse(values);
  if (parsed.success) return { ok: true, filter: parsed.data, values };
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (errors[issue.path.join(".") || "form"] ??= []).push(issue.message);
  return { ok: false, errors, values };
}
