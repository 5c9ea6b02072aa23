import { z } from "zod";
import { countSchema, optionalText } from "./common";

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
      ctx.addIssue({ code: "custom", path: ["max"], message: "The high end of the range must not be below the low end." });
    }
    if (count.exact === undefined && !hasRange && !count.wording) {
      ctx.addIssue({ code: "custom", path: ["exact"], message: "Give a count, a range or wording such as “dozens”." });
    }
  });

export type ItemCount = z.infer<typeof itemCountSchema>;
