import { z } from "zod";
import { citationAssessmentSchema, sourceKinds } from "./enums";
import { dayDateSchema, optionalIdSchema, optionalText, optionalUrlSchema, requiredText } from "./common";

/** A source proposed from the editor; admins review it before it is treated as established. */
export const proposedSourceSchema = z.object({
  name: requiredText(200),
  kind: z.enum(sourceKinds, "Choose what kind of source this is."),
  url: optionalUrlSchema,
});

export const citationInputSchema = z
  .object({
    sourceId: optionalIdSchema,
    newSource: proposedSourceSchema.optional(),
    viaSourceId: optionalIdSchema,
    attribution: requiredText(500),
    url: optionalUrlSchema,
    excerpt: optionalText(1000),
    publishedOn: z.union([z.literal("").transform(() => undefined), dayDateSchema]).optional(),
    /** Marked later, when other reporting corroborates or contradicts the claim. */
    assessment: citationAssessmentSchema.default("UNASSESSED"),
  })
  .superRefine((citation, ctx) => {
    if (!citation.sourceId && !citation.newSource)
      ctx.addIssue({ code: "custom", path: ["sourceId"], message: "Pick a source, or propose a new one." });
    if (citation.sourceId && citation.newSource)
      ctx.addIssue({
        code: "custom",
        path: ["sourceId"],
        message: "Pick an existing source or propose a new one, not both.",
      });
    if (citation.viaSourceId && citation.viaSourceId === citation.sourceId) {
      ctx.addIssue({ code: "custom", path: ["viaSourceId"], message: "A source cannot be relayed by itself." });
    }
  });

export type CitationInput = z.output<typeof citationInputSchema>;

export const citationsSchema = z.array(citationInputSchema).max(20, "At most 20 citations per record.").default([]);
