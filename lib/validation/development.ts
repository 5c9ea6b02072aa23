import { z } from "zod";
import { citationsSchema } from "./citation";
import {
  idSchema,
  optionalIdSchema,
  optionalText,
  optionalUrlSchema,
  pastPartialDateSchema,
  requiredText,
  versionSchema,
} from "./common";
import { developmentKinds, stages } from "./enums";
import { placeFields, refineCoordinatePair } from "./place";
import { quantitySchema } from "./quantity";

/** A count one side or source gives differently ("Ukraine: 189 returned"), shown beside the recorded one. */
export const transferAccountInputSchema = z
  .object({
    attribution: requiredText(300),
    attributedToId: optionalIdSchema,
    quantity: quantitySchema,
    /** The cited source, so readers see its reliability rating beside the count. */
    sourceId: optionalIdSchema,
    sourceUrl: optionalUrlSchema,
  })
  .superRefine((account, ctx) => {
    if (!account.sourceId)
      ctx.addIssue({
        code: "custom",
        path: ["sourceId"],
        message: "Choose the source that reports this count: readers see its rating beside it.",
      });
  });

/** One handover in a batch: against which obligation, how many, and where, when and through whom. */
export const transferInputSchema = z
  .object({
    obligationId: idSchema,
    quantity: quantitySchema,
    /** Left empty: the development's date (and it follows corrections of that date). */
    occurredOn: z.union([z.literal("").transform(() => undefined), pastPartialDateSchema]).optional(),
    /** The handover point: name, country and (when known) coordinates for the locator map. */
    ...placeFields,
    intermediaryId: optionalIdSchema,
    note: optionalText(1000),
    accounts: z.array(transferAccountInputSchema).max(10).default([]),
  })
  .superRefine((transfer, ctx) => refineCoordinatePair(transfer, ctx));

const checkbox = z.union([z.enum(["true", "false", "on"]).transform((v) => v !== "false"), z.boolean()]).default(false);

const developmentFields = {
  occurredOn: pastPartialDateSchema,
  title: requiredText(200),
  summary: requiredText(4000),
  kind: z.enum(developmentKinds, "Choose what kind of development this is."),
  actorIds: z.array(idSchema).max(50).default([]),
  citations: citationsSchema,
  /** Moves the stage when (and as long as) the development is public, at its date. */
  stageChange: z.union([z.literal("").transform(() => undefined), z.enum(stages)]).optional(),
  /** One batch: any number of transfers, per side and category. */
  transfers: z.array(transferInputSchema).max(50, "Use at most 50 transfers per development.").default([]),
  /** Released beyond the agreed number must be confirmed; readers see "more than agreed". */
  confirmOverAgreed: checkbox,
  /** Editorial emphasis, not a fact: readers see key events first; changing it needs no correction. */
  keyEvent: checkbox,
  /** Where it happened (a talks venue, a handover point), for the locator map. */
  ...placeFields,
};

/** Logging a development, optionally moving the stage and recording a batch of transfers in the same step. */
export const createDevelopmentSchema = z
  .object({
    negotiationId: idSchema,
    ...developmentFields,
  })
  .superRefine((development, ctx) => refineCoordinatePair(development, ctx));

export const updateDevelopmentSchema = z
  .object({
    developmentId: idSchema,
    version: versionSchema,
    ...developmentFields,
    /** Required when the facts of a published development change, unless marked as a typo fix. */
    correctionNote: optionalText(1000),
    typoOnly: z.union([z.literal("on").transform(() => true), z.boolean()]).default(false),
  })
  .superRefine((development, ctx) => refineCoordinatePair(development, ctx));

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
export type TransferInput = z.output<typeof transferInputSchema>;
