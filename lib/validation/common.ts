// Building blocks shared by every input schema: forms, actions, API and seeds.
import { z } from "zod";
import { parsePartialDate } from "@/lib/dates";

export const slugSchema = z
  .string()
  .trim()
  .min(2, "Use at least 2 characters.")
  .max(120, "Use at most 120 characters.")
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    "Use lower-case letters, digits and single hyphens, e.g. sweida-prisoner-exchange.",
  );

export const requiredText = (max: number) =>
  z.string().trim().min(1, "This field is required.").max(max, `Use at most ${max} characters.`);

export const optionalText = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`).default("");

export const httpUrlSchema = z
  .string()
  .trim()
  .max(2000, "Use at most 2000 characters.")
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, "Enter a full web address starting with http:// or https://.");

/** "2026-02-24", "2025-07" or "2025"; the precision follows from what is written. */
export const partialDateSchema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const parsed = parsePartialDate(text);
    if (!parsed) {
      ctx.addIssue({ code: "custom", message: "Enter a real date as YYYY-MM-DD, YYYY-MM or YYYY." });
      return z.NEVER;
    }
    return parsed;
  });

export const countSchema = z
  .number()
  .int("Use a whole number.")
  .min(0, "Counts cannot be negative.")
  .max(1_000_000, "That count is not plausible; check it.");

/** An optional web address: an empty form field means "none". */
export const optionalUrlSchema = z.union([z.literal("").transform(() => undefined), httpUrlSchema]).optional();

/** An optional id from a select: "" means none. */
export const optionalIdSchema = z
  .union([z.literal("").transform(() => undefined), z.uuid("Choose an item from the list.")])
  .optional();

/**
 * Free text typed into a search box, ready for a query: PostgreSQL cannot take
 * NUL characters in text, so they are dropped rather than failing the search.
 */
export function searchTerm(text: string, max: number): string {
  return text
    .replace(/\u0000/g, "")
    .trim()
    .slice(0, max);
}

/**
 * A search term as a literal for Prisma's `contains`/`startsWith`, which become
 * LIKE/ILIKE patterns without escaping: `%` and `_` would otherwise match anything
 * (a search for "%" listed every row). Backslash is PostgreSQL's LIKE escape.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

/**
 * Where a string holds a character Parley refuses to store; every action answers it
 * with a field error (lib/actions/define-action.ts).
 * - What PostgreSQL text cannot hold: NUL, half a UTF-16 surrogate pair.
 * - What XML 1.0 forbids (so a feed would break): the other C0 controls but tab, LF
 *   and CR (U+000B from Word, U+001F…), U+FFFE and U+FFFF.
 * - DEL and the C1 controls (U+007F–U+009F): XML 1.0 allows them, but XML 1.1 and HTML
 *   treat them as errors and no typed text needs one; they arrive by mis-decoded
 *   pastes, invisible to the person typing. Refusing them costs nothing.
 * Other "discouraged" code points (U+FDD0–U+FDEF, other planes' xFFFE/xFFFF) stay
 * allowed: they are legal in XML 1.0 and HTML and break nothing.
 * Text stored before these rules is made safe on output (lib/format/xml-text.ts).
 */
export const UNSTORABLE_TEXT =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const idSchema = z.uuid("This record no longer exists; reload the page.");
/** The largest value of a PostgreSQL `integer` (Prisma `Int`) column: anything above fails in the database (P2020). */
export const INT4_MAX = 2_147_483_647;

export const versionSchema = z.coerce
  .number()
  .int("Reload the page: the record's version is not valid.")
  .positive("Reload the page: the record's version is missing.")
  .max(INT4_MAX, "Reload the page: the record's version is not valid.");

/** A partial date that has already happened: "occurred" can never be in the future. */
export const pastPartialDateSchema = partialDateSchema.refine(
  ({ date }) => date.getTime() <= Date.now(),
  "This date is in the future; developments record what has already happened.",
);

export const dayDateSchema = partialDateSchema.refine(
  ({ precision }) => precision === "DAY",
  "Give the full date, YYYY-MM-DD.",
);
