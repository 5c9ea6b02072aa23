import { z } from "zod";
import { citationsSchema } from "./citation";
import { releaseCategories, termsStatuses } from "./enums";
import {
  idSchema,
  optionalIdSchema,
  pastPartialDateSchema as pastDate,
  partialDateSchema,
  versionSchema,
} from "./common";
import { positiveIntSchema, quantitySchema } from "./quantity";

const checkbox = z.union([z.enum(["true", "false", "on"]).transform((v) => v !== "false"), z.boolean()]).default(false);

/** "of the 33 hostages, 8 deceased (remains)": a part of an obligation's whole. */
export const breakdownInputSchema = z.object({
  label: z.string().trim().min(1, "Say what this part is, e.g. “deceased”.").max(120, "Use at most 120 characters."),
  category: z.preprocess((v) => (v === "" ? undefined : v), z.enum(releaseCategories).optional()),
  quantity: quantitySchema,
});

/**
 * Another obligation this one is counted per unit of: an existing obligation's id, or
 * "#<n>" for the n-th obligation (from 0) in the same submission.
 */
const obligationRef = z.union([
  idSchema,
  z.string().regex(/^#\d{1,2}$/, "Choose the obligation this ratio is counted against."),
]);

/**
 * One obligation as this version states it. With an obligationId it continues an existing
 * obligation (its sides and category are fixed); without one it starts a new obligation.
 * Either a quantity or a ratio rule ("30 per unit of another obligation"), not both.
 */
export const obligationInputSchema = z
  .object({
    obligationId: optionalIdSchema,
    releasingActorId: optionalIdSchema,
    receivingActorId: optionalIdSchema,
    category: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(releaseCategories, "Choose who is released.").optional(),
    ),
    quantity: quantitySchema.optional(),
    perUnit: z.preprocess((v) => (v === "" ? undefined : v), positiveIntSchema.optional()),
    perUnitOf: z.preprocess((v) => (v === "" ? undefined : v), obligationRef.optional()),
    description: z.string().trim().max(1000, "Use at most 1000 characters.").default(""),
    withdrawn: checkbox,
    breakdowns: z.array(breakdownInputSchema).max(20).default([]),
  })
  .superRefine((o, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (!o.obligationId) {
      if (!o.releasingActorId) issue("releasingActorId", "Choose who releases.");
      if (!o.receivingActorId) issue("receivingActorId", "Choose who receives.");
      if (!o.category) issue("category", "Choose who is released.");
      if (o.releasingActorId && o.releasingActorId === o.receivingActorId)
        issue("receivingActorId", "The receiving side must differ from the releasing side.");
    }
    const ratio = o.perUnit !== undefined || o.perUnitOf !== undefined;
    if (ratio && o.quantity) issue("perUnit", "Give either a number or a ratio to another obligation, not both.");
    if (ratio && o.perUnit === undefined) issue("perUnit", "How many per unit of the other obligation?");
    if (ratio && o.perUnitOf === undefined) issue("perUnitOf", "Choose the obligation this ratio is counted against.");
    if (!ratio && !o.quantity) issue("quantity.kind", "Give how many, or a ratio to another obligation.");
  });

/**
 * A new terms version of one phase. Every obligation of the phase's previous version is
 * carried over unless listed here (to change its quantity, description, or withdraw it),
 * so a status change needs no obligation at all.
 */
export const createTermsVersionSchema = z.object({
  negotiationId: idSchema,
  /** The phase; may be left out while a negotiation has at most one phase. */
  phaseId: optionalIdSchema,
  /** Starts a new phase ("Phase 2") with this version. */
  newPhaseName: z.string().trim().max(120, "Use at most 120 characters.").default(""),
  proposedOn: pastDate,
  proposedById: optionalIdSchema,
  status: z.enum(termsStatuses, "Choose the status of these terms."),
  summary: z.string().trim().max(2000, "Use at most 2000 characters.").default(""),
  obligations: z.array(obligationInputSchema).max(50, "Use at most 50 obligations per version.").default([]),
  citations: citationsSchema,
});

export const termsPublicationSchema = z.object({
  termsVersionId: idSchema,
  version: versionSchema,
  publish: z.union([z.enum(["true", "false"]).transform((v) => v === "true"), z.boolean()]),
});

export const discardTermsSchema = z.object({ termsVersionId: idSchema, version: versionSchema });

const optionalPartialDate = z.union([z.literal("").transform(() => undefined), partialDateSchema]).optional();

export const phaseFields = {
  name: z.string().trim().max(120, "Use at most 120 characters.").default(""),
  summary: z.string().trim().max(2000, "Use at most 2000 characters.").default(""),
  startedOn: optionalPartialDate,
  endedOn: optionalPartialDate,
};

export const createPhaseSchema = z.object({ negotiationId: idSchema, ...phaseFields });
export const updatePhaseSchema = z.object({ phaseId: idSchema, version: versionSchema, ...phaseFields });

export type CreateTermsVersionInput = z.output<typeof createTermsVersionSchema>;
export type ObligationInput = z.output<typeof obligationInputSchema>;
export type CreatePhaseInput = z.output<typeof createPhaseSchema>;
export type UpdatePhaseInput = z.output<typeof updatePhaseSchema>;
