import { describe, expect, it } from "vitest";
import { formatObligation, formatProgress, termsOneLiner } from "@/lib/format/terms";
import { formatQuantity, formatSum, sumQuantities, type Quantity } from "./quantity";
import { cumulativeSeries, obligationProgress, resolveAgreed, sideProgress } from "./totals";

const exact = (value: number): Quantity => ({ kind: "EXACT", value });
const about = (value: number): Quantity => ({ kind: "APPROXIMATE", qualifier: "ABOUT", value });

describe("quantities", () => {
  it("always shows the qualifier", () => {
    expect(formatQuantity(exact(1500))).toBe("1,500");
    expect(formatQuantity({ kind: "RANGE", min: 20, max: 30 })).toBe("20–30");
    expect(formatQuantity(about(1900))).toBe("about 1,900");
    expect(formatQuantity({ kind: "APPROXIMATE", qualifier: "FEWER_THAN", value: 50 })).toBe("fewer than 50");
    expect(formatQuantity({ kind: "UNKNOWN", wording: "dozens" })).toBe("dozens");
  });

  it("agrees nouns with counts, and reads two releasing sides as a swap", () => {
    expect(formatObligation(exact(1), "HOSTAGES")).toBe("1 hostage");
    expect(formatObligation(about(1900), "DETAINEES")).toBe("about 1,900 detainees");
    expect(formatObligation({ kind: "UNKNOWN", wording: "dozens" }, "REMAINS")).toBe("dozens of sets of remains");
    expect(formatObligation(exact(90), "PRISONERS_OF_WAR")).toBe("90 prisoners of war");
    expect(
      termsOneLiner([
        { quantity: exact(61), category: "CIVILIANS", releasingActorId: "a" },
        { quantity: exact(30), category: "SECURITY_PERSONNEL", releasingActorId: "b" },
      ]),
    ).toBe("61 civilians ↔ 30 security personnel");
  });

  it("adds every kind without inventing precision", () => {
    expect(formatSum(sumQuantities([exact(10), exact(5)]))).toBe("15");
    expect(formatSum(sumQuantities([exact(10), { kind: "RANGE", min: 20, max: 30 }]))).toBe("30–40");
    expect(formatSum(sumQuantities([exact(10), { kind: "APPROXIMATE", qualifier: "AT_LEAST", value: 5 }]))).toBe(
      "at least 15",
    );
    expect(formatSum(sumQuantities([exact(10), { kind: "APPROXIMATE", qualifier: "UP_TO", value: 5 }]))).toBe(
      "up to 15",
    );
    expect(formatSum(sumQuantities([about(1900), { kind: "APPROXIMATE", qualifier: "AT_LEAST", value: 100 }]))).toBe(
      "about 2,000",
    );
    expect(formatSum(sumQuantities([exact(33), { kind: "UNKNOWN", wording: "dozens" }]))).toBe("33 and dozens more");
    expect(formatSum(sumQuantities([]))).toBe("none");
  });
});

describe("totals", () => {
  it("derives a ratio's total from its base and marks it derived", () => {
    const agreed = resolveAgreed([
      { obligationId: "hostages", quantity: exact(33), ratio: null, withdrawn: false },
      { obligationId: "prisoners", quantity: null, ratio: { perUnit: 30, perUnitOf: "hostages" }, withdrawn: false },
      { obligationId: "unknown-base", quantity: null, ratio: { perUnit: 3, perUnitOf: "missing" }, withdrawn: false },
    ]);
    expect(agreed.get("prisoners")).toEqual({ agreed: exact(990), derived: true });
    expect(agreed.get("hostages")).toEqual({ agreed: exact(33), derived: false });
    expect(agreed.get("unknown-base")).toEqual({ agreed: null, derived: true });
  });

  it("says released X of Y, and 'more than agreed' beyond the agreed maximum", () => {
    const t = (value: number, date = "2025-01-01") => ({
      obligationId: "o",
      quantity: exact(value),
      date,
      precision: "DAY" as const,
    });
    expect(formatProgress(obligationProgress(exact(880), [t(270)]))).toBe("270 of 880");
    const over = obligationProgress(exact(300), [t(200), t(103)]);
    expect(over.moreThanAgreed).toBe(true);
    expect(formatProgress(over)).toBe("303 of 300 — more than agreed");
    expect(obligationProgress(about(1900), [t(1968)]).moreThanAgreed).toBe(false);
  });

  it("sums per side over its counted obligations and builds a cumulative series", () => {
    const transfers = [
      { obligationId: "a1", quantity: exact(390), date: "2025-05-23", precision: "DAY" as const },
      { obligationId: "a1", quantity: exact(307), date: "2025-05-24", precision: "DAY" as const },
      { obligationId: "a2", quantity: exact(303), date: "2025-05-25", precision: "DAY" as const },
      { obligationId: "b1", quantity: exact(1000), date: "2025-05-25", precision: "DAY" as const },
    ];
    const sides = sideProgress(
      [
        { id: "a1", releasingActorId: "A", agreed: exact(697), counted: true },
        { id: "a2", releasingActorId: "A", agreed: exact(303), counted: true },
        { id: "b1", releasingActorId: "B", agreed: exact(1000), counted: true },
      ],
      transfers,
    );
    expect(sides.map((s) => [s.releasingActorId, formatProgress(s)])).toEqual([
      ["A", "1,000 of 1,000"],
      ["B", "1,000 of 1,000"],
    ]);
    expect(cumulativeSeries(transfers.slice(0, 3)).map((p) => p.cumulative)).toEqual([390, 697, 1000]);
  });
});
