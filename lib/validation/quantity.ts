import { z } from "zod";
import { hedgeInWording, INT4_MAX, qualifierWords, type Quantity } from "@/lib/ledger/quantity";
import { quantityKinds, quantityQualifiers } from "./enums";

/** A number typed into a form or sent by a client: "" is "not given"; bounded by its int4 column. */
const quantityNumber = z.preprocess(
  (value) =>
    typeof value === "string" ? (value.trim() === "" ? undefined : value.trim().replace(/[,\s]/g, "")) : value,
  // Optional inside the preprocess: an empty field must not reach the coercion (it would read NaN).
  z.coerce
    .number("Enter a number.")
    .int("Use a whole number.")
    .min(0, "Numbers cannot be negative.")
    .max(INT4_MAX, "That number is too large to be real; check it.")
    .optional(),
);

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/**
 * The one quantity input: exact, range, approximate (with its qualifier) or unknown (wording only).
 * Wording may accompany a number as the phrase reported, but never contradict it:
 * "about 1,900" cannot be saved as an exact 1900.
 */
export const quantitySchema = z
  .object({
    kind: z.enum(quantityKinds, "Choose how precise the number is."),
    value: quantityNumber,
    min: quantityNumber,
    max: quantityNumber,
    qualifier: z.preprocess(blankToUndefined, z.enum(quantityQualifiers).optional()),
    wording: z.preprocess(blankToUndefined, z.string().trim().max(120, "Use at most 120 characters.").optional()),
  })
  .transform((input, ctx): Quantity => {
    const issue = (path: string, message: string) => {
      ctx.addIssue({ code: "custom", path: [path], message });
      return z.NEVER;
    };
    const wording = input.wording || null;
    const hedge = hedgeInWording(wording);
    switch (input.kind) {
      case "EXACT":
        if (input.value === undefined) return issue("value", "Enter the number.");
        if (hedge)
          return issue(
            "kind",
            `The wording “${wording}” is not exact: choose ${hedge === "UNKNOWN" ? "“unknown”" : `“${qualifierWords[hedge]}”`} instead.`,
          );
        return { kind: "EXACT", value: input.value, wording };
      case "RANGE":
        if (input.min === undefined) return issue("min", "A range needs its low end.");
        if (input.max === undefined) return issue("max", "A range needs its high end.");
        if (input.min > input.max) return issue("max", "The high end of the range must not be below the low end.");
        return { kind: "RANGE", min: input.min, max: input.max, wording };
      case "APPROXIMATE":
        if (!input.qualifier) return issue("qualifier", "Choose about, at least, more than, up to or fewer than.");
        if (input.value === undefined) return issue("value", "Enter the number.");
        if (hedge && hedge !== "UNKNOWN" && hedge !== input.qualifier && input.qualifier !== "ABOUT")
          return issue("qualifier", `The wording “${wording}” says “${qualifierWords[hedge]}”; pick that qualifier.`);
        return { kind: "APPROXIMATE", qualifier: input.qualifier, value: input.value, wording };
      case "UNKNOWN":
        if (input.value !== undefined || input.min !== undefined || input.max !== undefined)
          return issue("kind", "A number was given: choose exact, range or approximate instead of unknown.");
        if (!wording) return issue("wording", "Give the wording as reported, such as “dozens”.");
        return { kind: "UNKNOWN", wording };
    }
  });

export type QuantityInput = z.input<typeof quantitySchema>;

/** A positive whole number bounded by an int4 column (ratios, per-unit counts). */
export const positiveIntSchema = z.coerce
  .number("Enter a number.")
  .int("Use a whole number.")
  .min(1, "Use a number of at least 1.")
  .max(INT4_MAX, "That number is too large to be real; check it.");
