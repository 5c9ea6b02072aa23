import { describe, expect, it } from "vitest";
import { formatPartialDate, parsePartialDate, toPartialDateString } from "./dates";

describe("partial dates", () => {
  it("keeps the precision that was written", () => {
    expect(parsePartialDate("2026-02-24")).toEqual({ date: new Date("2026-02-24T00:00:00Z"), precision: "DAY" });
    expect(parsePartialDate("2025-07")).toEqual({ date: new Date("2025-07-01T00:00:00Z"), precision: "MONTH" });
    expect(parsePartialDate("2025")).toEqual({ date: new Date("2025-01-01T00:00:00Z"), precision: "YEAR" });
  });

  it("rejects dates that do not exist or are malformed", () => {
    for (const text of ["2025-02-30", "2025-13", "2025-00-10", "25-07", "July 2025", "", "2025-7", "1850"]) {
      expect(parsePartialDate(text), text).toBeNull();
    }
  });

  it("formats no more precisely than known", () => {
    expect(formatPartialDate(new Date("2025-07-01T00:00:00Z"), "MONTH")).toBe("July 2025");
    expect(formatPartialDate(new Date("2026-02-24T00:00:00Z"), "DAY")).toBe("24 February 2026");
    expect(formatPartialDate(new Date("2025-01-01T00:00:00Z"), "YEAR")).toBe("2025");
  });

  it("round-trips through the partial-date string", () => {
    for (const text of ["2026-02-24", "2025-07", "2025"]) {
      const parsed = parsePartialDate(text)!;
      expect(toPartialDateString(parsed.date, parsed.precision)).toBe(text);
    }
  });
});
