import { z } from "zod";
import { citationInputSchema } from "./citation";
import { idSchema, optionalText, pastPartialDateSchema, requiredText, slugSchema, versionSchema } from "./common";
import { actorKinds, participationRoles, stages } from "./enums";
import { quantitySchema } from "./quantity";

const negotiationFields = {
  title: requiredText(200),
  slug: z.union([z.literal("").transform(() => undefined), slugSchema]).optional(),
  summary: optionalText(4000),
  region: requiredText(120),
  country: requiredText(120),
  stage: z.enum(stages, "Choose the stage of the talks."),
};

export const createNegotiationSchema = z.object(negotiationFields);
export const updateNegotiationSchema = z.object({
  negotiationId: idSchema,
  version: versionSchema,
  ...negotiationFields,
});

export const negotiationPublicationSchema = z.object({
  negotiationId: idSchema,
  version: versionSchema,
  publish: z.union([z.enum(["true", "false"]).transform((v) => v === "true"), z.boolean()]),
});

/** Archiving hides a negotiation from readers without deleting anything; restoring brings it back. */
export const negotiationArchiveSchema = z.object({
  negotiationId: idSchema,
  version: versionSchema,
  archived: z.union([z.enum(["true", "false"]).transform((v) => v === "true"), z.boolean()]),
});

/** "حكمت الهجري | ar" per line: an alternate name and its language. */
const aliasesText = z
  .string()
  .max(4000)
  .default("")
  .transform((text, ctx) => {
    const aliases: Array<{ name: string; language: string }> = [];
    for (const [index, line] of text.split("\n").entries()) {
      if (!line.trim()) continue;
      const [name = "", language = "und"] = line.split("|").map((part) => part.trim());
      if (!name || name.length > 200 || !/^[a-z]{2,3}(-[A-Za-z0-9]+)*$|^und$/.test(language)) {
        ctx.addIssue({
          code: "custom",
          message: `Line ${index + 1}: write “name | language code”, e.g. “حكمت الهجري | ar”.`,
        });
        return z.NEVER;
      }
      if (!aliases.some((alias) => alias.name === name)) aliases.push({ name, language });
    }
    return aliases;
  });

export const newActorSchema = z.object({
  name: requiredText(200),
  shortName: optionalText(80),
  kind: z.enum(actorKinds, "Choose what kind of actor this is."),
  aliases: aliasesText,
});

export const addParticipantSchema = z
  .object({
    negotiationId: idSchema,
    actorId: z.union([z.literal("").transform(() => undefined), idSchema]).optional(),
    newActor: newActorSchema.optional(),
    role: z.enum(participationRoles, "Choose the actor's role."),
    side: optionalText(120),
    description: optionalText(1000),
  })
  .refine((input) => Boolean(input.actorId) !== Boolean(input.newActor), {
    path: ["actorId"],
    message: "Choose an existing actor or create a new one.",
  });

export const participantArchiveSchema = z.object({
  participationId: idSchema,
  archived: z.union([z.enum(["true", "false"]).transform((v) => v === "true"), z.boolean()]),
});

export const addFigureClaimSchema = z
  .object({
    negotiationId: idSchema,
    figureId: z.union([z.literal("").transform(() => undefined), idSchema]).optional(),
    newFigure: z.object({ label: requiredText(200), unit: requiredText(80) }).optional(),
    /** The same quantity type as obligations and transfers; its wording is the claim as published. */
    quantity: quantitySchema,
    asOf: z.union([z.literal("").transform(() => undefined), pastPartialDateSchema]).optional(),
    note: optionalText(1000),
    citations: z.array(citationInputSchema).min(1, "A figure needs at least one citation: who says so?").max(20),
  })
  .superRefine((claim, ctx) => {
    if (Boolean(claim.figureId) === Boolean(claim.newFigure))
      ctx.addIssue({
        code: "custom",
        path: ["figureId"],
        message: "Choose the question this figure answers, or add a new one.",
      });
  });

export type CreateNegotiationInput = z.output<typeof createNegotiationSchema>;
export type UpdateNegotiationInput = z.output<typeof updateNegotiationSchema>;
export type AddParticipantInput = z.output<typeof addParticipantSchema>;
export type AddFigureClaimInput = z.output<typeof addFigureClaimSchema>;
