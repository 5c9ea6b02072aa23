import { z } from "zod";
import { translatableFields, translationLocales, translationMaxLength } from "@/lib/translations/fields";
import { idSchema, INT4_MAX } from "./common";

/**
 * One translation as an editor saves it. `originalHash` is the fingerprint of the English the
 * editor was looking at: if the English changed meanwhile, the save is refused rather than
 * marking the translation current against a text its translator never saw. An empty text
 * removes the translation (the item is then shown in English). `version` is the translation's
 * version as loaded, 0 when there was none.
 */
export const saveTranslationSchema = z
  .object({
    field: z.enum(translatableFields, "Choose which text this translates."),
    entityId: idSchema,
    locale: z.enum(translationLocales, "Translations are into Arabic (ar)."),
    text: z.string().trim(),
    originalHash: z.string().regex(/^[0-9a-f]{64}$/, "Reload the page: the original's fingerprint is missing."),
    version: z.coerce
      .number()
      .int("Reload the page: the translation's version is not valid.")
      .min(0, "Reload the page: the translation's version is not valid.")
      .max(INT4_MAX, "Reload the page: the translation's version is not valid."),
  })
  .superRefine((input, ctx) => {
    const max = translationMaxLength[input.field];
    if (input.text.length > max)
      ctx.addIssue({ code: "custom", path: ["text"], message: `Use at most ${max} characters.` });
  });

export type SaveTranslationInput = z.output<typeof saveTranslationSchema>;

/** The overview of one negotiation's translations: which language. */
export const translationOverviewQuery = z.object({ negotiationId: idSchema, locale: z.enum(translationLocales) });
