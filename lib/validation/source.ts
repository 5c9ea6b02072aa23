import { z } from "zod";
import { reliabilityRatings, sourceKinds, sourceStatuses } from "./enums";
import { idSchema, optionalText, optionalUrlSchema, requiredText, searchTerm, versionSchema } from "./common";

const sourceFields = {
  name: requiredText(200),
  kind: z.enum(sourceKinds, "Choose what kind of source this is."),
  url: optionalUrlSchema,
  language: z
    .union([
      z.literal("").transform(() => undefined),
      z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, "Use a language code such as en, ar or fr."),
    ])
    .optional(),
  publicDescription: optionalText(2000),
  reliability: z.enum(reliabilityRatings, "Choose a rating from A to F."),
  ratingRationale: optionalText(2000),
  /** Staff only: never shown on any public page, API, feed or export. */
  confidentialNotes: optionalText(8000),
  contactConditions: optionalText(2000),
};

export const createSourceSchema = z.object(sourceFields);
export const updateSourceSchema = z.object({ sourceId: idSchema, version: versionSchema, ...sourceFields });
export const sourceStateSchema = z.object({
  sourceId: idSchema,
  version: versionSchema,
  action: z.enum(["approve", "archive", "restore", "delete"]),
});
export const mergeSourcesSchema = z.object({
  sourceId: idSchema,
  version: versionSchema,
  intoSourceId: z.uuid("Choose the source to keep."),
});

export const sourceListSchema = z.object({
  q: z
    .string()
    .transform((text) => searchTerm(text, 100))
    .catch(""),
  kind: z.enum(sourceKinds).optional().catch(undefined),
  rating: z.enum(reliabilityRatings).optional().catch(undefined),
  status: z.enum(sourceStatuses).optional().catch(undefined),
  sort: z.enum(["name", "updated", "rating", "citations"]).catch("name"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type CreateSourceInput = z.output<typeof createSourceSchema>;
export type UpdateSourceInput = z.output<typeof updateSourceSchema>;
export type SourceListQuery = z.output<typeof sourceListSchema>;
