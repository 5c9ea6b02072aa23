import { describe, expect, it } from "vitest";
import { normalizeForSearch } from "./arabic-normalize";

describe("normalizeForSearch", () => {
  it("folds alef variants, taa marbuta and alef maqsura", () => {
    expect(normalizeForSearch("أإآٱ")).toBe("اااا");
    expect(normalizeForSearch("حكومة")).toBe("حكومه");
    expect(normalizeForSearch("مستشفى")).toBe("مستشفي");
  });

  it("removes harakat, shadda and tatweel", () => {
    expect(normalizeForSearch("السُّوَيْداء")).toBe("السويداء");
    expect(normalizeForSearch("الســويداء")).toBe("السويداء");
  });

  it("treats hamza written as a combining mark like the composed letter", () => {
    expect(normalizeForSearch("\u0627\u0654")).toBe(normalizeForSearch("أ"));
  });

  it("turns Arabic-Indic and Persian digits into Latin ones and lower-cases Latin text", () => {
    expect(normalizeForSearch("٦١ مدنياً و۳۰")).toBe("61 مدنيا و30");
    expect(normalizeForSearch("Sweida")).toBe("sweida");
  });
});
