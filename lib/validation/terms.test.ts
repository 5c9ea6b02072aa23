import { describe, expect, it } from "vitest";
import { itemCountSchema } from "./terms";

function messages(input: unknown) {
  const result = itemCountSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("item count validation", () => {
  it("accepts an exact count, a range or wording", () => {
    expect(messages({ exact: 61 })).toEqual([]);
    expect(messages({ min: 20, max: 30 })).toEqual([]);
    expect(messages({ wording: "dozens" })).toEqual([]);
  });

  it("explains each bad count next to its field", () => {
    expect(messages({ min: 30, max: 20 })).toEqual(["max: The high end of the range must not be below the low end."]);
    expect(messages({ exact: 5, min: 1 })).toEqual(["exact: Give either an exact count or a range, not both."]);
    expect(messages({ exact: -1 })).toEqual(["exact: Counts cannot be negative."]);
    expect(messages({ exact: 2.5 })).toEqual(["exact: Use a whole number."]);
    expect(messages({})).toEqual(["exact: Give a count, a range or wording such as “dozens”."]);
    expect(messages({ max: 3 })).toEqual(["min: A range needs its low end."]);
  });
});
