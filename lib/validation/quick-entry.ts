import { z } from "zod";
import { idSchema, optionalIdSchema, optionalText, optionalUrlSchema, requiredText } from "./common";

/**
 * Breaking news in at most five fields: a headline, what happened, and who says so — a known
 * source, or a link whose domain Parley recognises (or proposes as a new source). Saved as a
 * draft dated today; transfers, stage changes, actors and figures are added to it afterwards.
 */
export const quickDevelopmentSchema = z
  .object({
    negotiationId: idSchema,
    title: requiredText(200),
    summary: requiredText(4000),
    sourceId: optionalIdSchema,
    url: optionalUrlSchema,
    /** As published ("a source who requested anonymity"); the source's name when left empty. */
    attribution: optionalText(500),
  })
  .superRefine((input, ctx) => {
    if (!input.sourceId && !input.url)
      ctx.addIssue({
        code: "custom",
        path: ["sourceId"],
        message: "Pick a source, or paste the link to the report so Parley can recognise its source.",
      });
  });

export type QuickDevelopmentInput = z.output<typeof quickDevelopmentSchema>;
