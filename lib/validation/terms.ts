import { z } from "zod";
import { citationsSchema } from "./citation";
import { countSchema, optionalText, pastPartialDateSchema as pastDate, versionSchema } from "./common";

export const releaseCategories = [
  "CIVILIANS",
  "SECURITY_PERSONNEL",
  "FIGHTERS",
  "POLITICAL_DETAINEES",
  "HOSTAGES",
  "REMAINS",
  "OTHER",
] as const;

/**
 * How many people an item covers: an exact number, a range, or only wording
 * ("dozens"). Wording may also accompany a number to keep the reported phrase.
 */
export const itemCountSchema = z
  .object({
    exact: countSchema.optional(),
    min: countSchema.optional(),
    max: countSchema.optional(),
    wording: optionalText(80).optional(),
  })
  .superRefine((count, ctx) => {
    const hasRange = count.min !== undefined || count.max !== undefined;
    if (count.exact !== undefined && hasRange) {
      ctx.addIssue({ code: "custom", path: ["exact"], message: "Give either an exact count or a range, not both." });
    }
    if (count.max !== undefined && count.min === undefined) {
      ctx.addIssue({ code: "custom", path: ["min"], message: "A range needs its low end." });
    }
    if (count.min !== undefined && count.max !== undefined && count.min > count.max) {
      ctx.addIssue({
        code: "custom",
        path: ["max"],
        message: "The high end of the range must not be below the low end.",
      });
    }
    if (count.exact === undefined && !hasRange && !count.wording) {
      ctx.addIssue({ code: "custom", path: ["exact"], message: "Give a count, a range or wording such as “dozens”." });
    }
  });

const termsStatuses = ["PROPOSED", "COUNTERED", "AGREED", "PARTIALLY_IMPLEMENTED", "IMPLEMENTED", "WITHDRAWN"] as const;

/** A count typed into a form: "" is "not given". */
const formCount = z
  .preprocess(
    (value) => (typeof value === "string" ? value.trim() : value),
    z.union([z.literal("").transform(() => undefined), z.coerce.number()]),
  )
  .optional();

export const termsItemInputSchema = z
  .object({
    releasingActorId: z.uuid("Choose who releases."),
    receivingActorId: z.uuid("Choose who receives."),
    exact: formCount,
    min: formCount,
    max: formCount,
    wording: z.string().trim().max(80, "Use at most 80 characters.").default(""),
    category: z.enum(releaseCategories, "Choose who is being released."),
    description: z.string().trim().max(1000, "Use at most 1000 characters.").default(""),
  })
  .transform(({ exact, min, max, wording, ...rest }, ctx) => {
    const count = itemCountSchema.safeParse({ exact, min, max, wording: wording || undefined });
    if (!count.success) {
      for (const issue of count.error.issues)
        ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      return z.NEVER;
    }
    if (rest.releasingActorId === rest.receivingActorId) {
      ctx.addIssue({
        code: "custom",
        path: ["receivingActorId"],
        message: "The receiving side must differ from the releasing side.",
      });
      return z.NEVER;
    }
    return { ...rest, count: count.data };
  });

export const createTermsVersionSchema = z.object({
  negotiationId: z.uuid(),
  proposedOn: pastDate,
  proposedById: z.union([z.literal("").transform(() => undefined), z.uuid()]).optional(),
  phase: z.string().trim().max(80).default(""),
  status: z.enum(termsStatuses, "Choose the status of these terms."),
  summary: z.string().trim().max(2000, "Use at most 2000 characters.").default(""),
  items: z.array(termsItemInputSchema).min(1, "Terms need at least one item: who releases whom.").max(20),
  citations: citationsSchema,
});

export const termsPublicationSchema = z.object({
  termsVersionId: z.uuid(),
  version: versionSchema,
  publish: z.union([z.enum(["true", "false"]).transform((v) => v === "true"), z.boolean()]),
});

export type CreateTermsVersionInput = z.output<typeof createTermsVersionSchema>;
