import { describe, expect, it } from "vitest";
import { quantitySchema } from "./quantity";
import { obligationInputSchema } from "./terms";

function messages(
  schema: {
    safeParse: (v: unknown) => {
      success: boolean;
      error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
    };
  },
  input: unknown,
) {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error!.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("quantity validation", () => {
  it("accepts every kind, from form strings or numbers", () => {
    expect(quantitySchema.parse({ kind: "EXACT", value: "1,900" })).toEqual({
      kind: "EXACT",
      value: 1900,
      wording: null,
    });
    expect(quantitySchema.parse({ kind: "RANGE", min: 20, max: "30" })).toMatchObject({ min: 20, max: 30 });
    expect(
      quantitySchema.parse({ kind: "APPROXIMATE", qualifier: "ABOUT", value: "1900", wording: "about 1,900" }),
    ).toEqual({
      kind: "APPROXIMATE",
      qualifier: "ABOUT",
      value: 1900,
      wording: "about 1,900",
    });
    expect(quantitySchema.parse({ kind: "UNKNOWN", wording: "dozens" })).toEqual({
      kind: "UNKNOWN",
      wording: "dozens",
    });
  });

  it("refuses negative, fractional and out-of-range numbers as field errors", () => {
    expect(messages(quantitySchema, { kind: "EXACT", value: -1 })).toEqual(["value: Numbers cannot be negative."]);
    expect(messages(quantitySchema, { kind: "EXACT", value: 2.5 })).toEqual(["value: Use a whole number."]);
    expect(messages(quantitySchema, { kind: "EXACT", value: "3000000000" })).toEqual([
      "value: That number is too large to be real; check it.",
    ]);
    expect(messages(quantitySchema, { kind: "RANGE", min: 30, max: 20 })).toEqual([
      "max: The high end of the range must not be below the low end.",
    ]);
  });

  it("refuses a number whose wording contradicts it", () => {
    expect(messages(quantitySchema, { kind: "EXACT", value: 1900, wording: "about 1,900" })).toEqual([
      "kind: The wording “about 1,900” is not exact: choose “about” instead.",
    ]);
    expect(messages(quantitySchema, { kind: "UNKNOWN", value: 12, wording: "dozens" })).toEqual([
      "kind: A number was given: choose exact, range or approximate instead of unknown.",
    ]);
    expect(
      messages(quantitySchema, { kind: "APPROXIMATE", qualifier: "UP_TO", value: 5, wording: "at least 5" }),
    ).toEqual(["qualifier: The wording “at least 5” says “at least”; pick that qualifier."]);
  });
});

describe("obligation validation", () => {
  const a = "00000000-0000-4000-8000-000000000001";
  const b = "00000000-0000-4000-8000-000000000002";
  it("needs sides and category for a new obligation, and a quantity or a ratio", () => {
    expect(messages(obligationInputSchema, { quantity: { kind: "EXACT", value: 1 } })).toEqual([
      "releasingActorId: Choose who releases.",
      "receivingActorId: Choose who receives.",
      "category: Choose who is released.",
    ]);
    expect(messages(obligationInputSchema, { releasingActorId: a, receivingActorId: b, category: "HOSTAGES" })).toEqual(
      ["quantity.kind: Give how many, or a ratio to another obligation."],
    );
    expect(
      messages(obligationInputSchema, {
        releasingActorId: a,
        receivingActorId: b,
        category: "DETAINEES",
        perUnit: 30,
        perUnitOf: "#0",
      }),
    ).toEqual([]);
  });
});
