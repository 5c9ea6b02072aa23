import { describe, expect, it } from "vitest";
import { originalHash, translationState } from "./state";

describe("translation state", () => {
  it("is missing without a translation, current for the same original, outdated after it changed", () => {
    expect(translationState("Talks resumed", null)).toBe("missing");
    expect(translationState("Talks resumed", { originalHash: originalHash("Talks resumed") })).toBe("current");
    expect(translationState("Talks resumed.", { originalHash: originalHash("Talks resumed") })).toBe("outdated");
  });

  it("needs nothing for an empty original, and ignores composed vs decomposed accents", () => {
    expect(translationState("", null)).toBe("not-needed");
    expect(originalHash("Jos\u00e9")).toBe(originalHash("Jose\u0301"));
  });
});
