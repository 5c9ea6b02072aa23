import { describe, expect, it } from "vitest";
import { formatCount, formatItem, termsOneLiner } from "./terms";

const none = { countExact: null, countMin: null, countMax: null, countWording: null };

describe("terms formatting", () => {
  it("formats exact counts, ranges and wording", () => {
    expect(formatCount({ ...none, countExact: 1500 })).toBe("1,500");
    expect(formatCount({ ...none, countMin: 20, countMax: 30 })).toBe("20–30");
    expect(formatCount({ ...none, countMin: 20 })).toBe("at least 20");
    expect(formatCount({ ...none, countMin: 20, countWording: "more than 20" })).toBe("more than 20");
    expect(formatCount({ ...none, countWording: "dozens" })).toBe("dozens");
  });

  it("agrees nouns with counts", () => {
    expect(formatItem({ ...none, countExact: 1, category: "HOSTAGES" })).toBe("1 hostage");
    expect(formatItem({ ...none, countExact: 61, category: "CIVILIANS" })).toBe("61 civilians");
    expect(formatItem({ ...none, countWording: "dozens", category: "FIGHTERS" })).toBe("dozens of fighters");
    expect(formatItem({ ...none, category: "REMAINS" })).toBe("an unknown number of sets of remains");
  });

  it("reads two releasing sides as a swap and groups items per side", () => {
    const items = [
      { ...none, countExact: 61, category: "CIVILIANS" as const, releasingActorId: "damascus" },
      { ...none, countExact: 30, category: "SECURITY_PERSONNEL" as const, releasingActorId: "guard" },
      { ...none, countWording: "dozens", category: "REMAINS" as const, releasingActorId: "guard" },
    ];
    expect(termsOneLiner(items.slice(0, 2))).toBe("61 civilians ↔ 30 security personnel");
    expect(termsOneLiner(items)).toBe("61 civilians ↔ 30 security personnel + dozens of sets of remains");
    expect(termsOneLiner([])).toBe("");
  });
});
