import { z } from "zod";
import { citationsSchema } from "./citation";
import { idSchema, optionalIdSchema, optionalText, pastPartialDateSchema, requiredText, versionSchema } from "./common";

export const developmentKinds = [
  "TALKS",
  "STATEMENT",
  "PROPOSAL",
  "RELEASE",
  "VIOLENCE",
  "ACCESS_AID",
  "OTHER",
] as const;
export const stages = ["PRE_TALKS", "TALKS", "AGREEMENT", "IMPLEMENTATION", "CONCLUDED", "COLLAPSED"] as const;

const developmentFields = {
  occurredOn: pastPartialDateSchema,
  title: requiredText(200),
  summary: requiredText(4000),
  kind: z.enum(developmentKinds, "Choose what kind of development this is."),
  actorIds: z.array(idSchema).max(50).default([]),
  citations: citationsSchema,
};

/** Logging a development, optionally moving the stage or recording released people in the same step. */
export const createDevelopmentSchema = z.object({
  negotiationId: idSchema,
  ...developmentFields,
  stageChange: z.union([z.literal("").transform(() => undefined), z.enum(stages)]).optional(),
  release: z
    .object({
      termsItemId: optionalIdSchema,
      releasedCount: z
        .union([
          z.literal("").transform(() => undefined),
          z.coerce.number().int("Use a whole number.").positive("Released counts are at least 1.").max(1_000_000),
        ])
        .optional(),
    })
    .superRefine((release, ctx) => {
      if (release.termsItemId && release.releasedCount === undefined)
        ctx.addIssue({ code: "custom", path: ["releasedCount"], message: "How many were released?" });
      if (!release.termsItemId && release.releasedCount !== undefined)
        ctx.addIssue({ code: "custom", path: ["termsItemId"], message: "Which part of the terms was carried out?" });
    })
    .optional(),
});

export const updateDevelopmentSchema = z.object({
  developmentId: idSchema,
  version: versionSchema,
  ...developmentFields,
  /** Required when the facts of a published development change, unless marked as a typo fix. */
  correctionNote: optionalText(1000),
  typoOnly: z.union([z.literal("on").transform(() => true), z.boolean()]).default(false),
});

export const developmentPublicationSchema = z.object({
  developmentId: idSchema,
  version: versionSchema,
  publish: z.union([z.enum(["true", "false"]).transform((v) => v === "true"), z.boolean()]),
  confirmSingleAnonymous: z
    .union([z.enum(["true", "false", "on"]).transform((v) => v !== "false"), z.boolean()])
    .default(false),
});

export const developmentArchiveSchema = z.object({
  developmentId: idSchema,
  version: versionSchema,
  archived: z.union([z.enum(["true", "false"]).transform((v) => v === "true"), z.boolean()]),
});

export const restoreRevisionSchema = z.object({
  developmentId: idSchema,
  version: versionSchema,
  revisionId: z
    .union([z.string(), z.number()])
    .transform(String)
    .pipe(
      z
        .string()
        .regex(/^\d{1,18}$/, "Unknown revision.")
        .transform(BigInt),
    ),
  correctionNote: optionalText(1000),
  typoOnly: z.union([z.literal("on").transform(() => true), z.boolean()]).default(false),
});

export type CreateDevelopmentInput = z.output<typeof createDevelopmentSchema>;
export type UpdateDevelopmentInput = z.output<typeof updateDevelopmentSchema>;
