import { z } from "zod";
import { mailLocales } from "@/lib/follow/mail-locale";

/**
 * The language a follow form was shown in (the page's locale): "en" or "ar". An absent field is
 * English (forms rendered before the field existed, and scripts that only ever knew English);
 * any other value is refused, never quietly replaced.
 */
export const followLocaleSchema = z
  .string()
  .default("")
  .transform((value) => value || "en")
  .pipe(z.enum(mailLocales, { error: "Unknown language: use en or ar." }));

/** The reader's sign-up form (components/follow/subscribe-form.tsx) as /api/follow/subscribe parses it. */
export const subscribeSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(320, "Addresses are at most 320 characters.")
    .pipe(z.email("Enter an e-mail address.")),
  /** A public negotiation's slug; empty: every negotiation. */
  negotiation: z
    .string()
    .trim()
    .max(200)
    .regex(/^[a-z0-9-]*$/, "Unknown negotiation.")
    .default(""),
  /** The language of the confirmation mail and, once confirmed, of the alerts. */
  locale: followLocaleSchema,
});
export type SubscribeInput = z.infer<typeof subscribeSchema>;

/** A token from a confirmation or unsubscribe link; its content is checked against the database. */
export const followTokenSchema = z.string().trim().min(20).max(200);
