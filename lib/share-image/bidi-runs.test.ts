import { describe, expect, it } from "vitest";
import { bidiRuns, visualArabic } from "./bidi-runs";

describe("bidiRuns", () => {
  it("keeps each Arabic word apart and left-to-right stretches together, in reading order", () => {
    expect(bidiRuns("أُطلق 0 of 61")).toEqual([
      { text: "أُطلق", rtl: true },
      { text: "0 of 61", rtl: false },
    ]);
    expect(bidiRuns("Damascus government يُطلق إلى حكمت الهجري")).toEqual([
      { text: "Damascus government", rtl: false },
      { text: "يُطلق", rtl: true },
      { text: "إلى", rtl: true },
      { text: "حكمت", rtl: true },
      { text: "الهجري", rtl: true },
    ]);
  });

  it("puts a separator with the Arabic line unless English stands on both sides of it", () => {
    expect(bidiRuns("بارلي · محادثات")).toEqual([
      { text: "بارلي", rtl: true },
      { text: "·", rtl: true },
      { text: "محادثات", rtl: true },
    ]);
    expect(bidiRuns("آخر Harbour · talks")).toEqual([
      { text: "آخر", rtl: true },
      { text: "Harbour · talks", rtl: false },
    ]);
    expect(bidiRuns("  ")).toEqual([]);
  });
});

describe("visualArabic", () => {
  it("joins the letters, puts them in drawing order and leaves numbers and Latin as they read", () => {
    // تبادل: initial teh, medial beh, final alef, isolated dal, isolated lam; drawn from the left.
    expect(visualArabic("تبادل")).toBe("\uFEDD\uFEA9\uFE8E\uFE92\uFE97");
    // The short vowel is left out; the colon ends the word, on its left.
    expect(visualArabic("أُطلق:")).toBe(`:${visualArabic("أطلق")}`);
    expect(visualArabic("2026،")).toBe("،2026");
  });
});
