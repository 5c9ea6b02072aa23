import { describe, expect, it } from "vitest";
import { threeWayMerge } from "./three-way-merge";

const fields = ["title", "summary", "citations"] as const;
const base = { title: "Talks", summary: "They met.", citations: [{ key: "a", url: "" }] };

describe("threeWayMerge", () => {
  it("keeps the other editor's change to a field I did not touch, and mine to one they did not", () => {
    const mine = { ...base, title: "Talks resume" };
    const theirs = { ...base, summary: "They met in Amman." };
    expect(threeWayMerge(base, mine, theirs, fields)).toEqual({
      merged: { ...base, title: "Talks resume", summary: "They met in Amman." },
      conflicts: [],
    });
  });

  it("reproduces the reported revert: a browser copy restored after another editor's correction never replaces it unseen", () => {
    // I typed a typo fix in the title; meanwhile the other editor corrected the summary and published.
    const mine = { ...base, title: "Talks." };
    const theirs = { ...base, summary: "They met on Monday, not Sunday." };
    const { merged, conflicts } = threeWayMerge(base, mine, theirs, fields);
    expect(merged.summary).toBe("They met on Monday, not Sunday.");
    expect(conflicts).toEqual([]);
  });

  it("asks for a choice when both changed the same field differently", () => {
    const mine = { ...base, summary: "They met twice." };
    const theirs = { ...base, summary: "They met once." };
    expect(threeWayMerge(base, mine, theirs, fields)).toEqual({ merged: theirs, conflicts: ["summary"] });
  });

  it("ignores per-load row keys and agrees when both made the same change", () => {
    const mine = { ...base, title: "Same", citations: [{ key: "z", url: "" }] };
    const theirs = { ...base, title: "Same", citations: [{ key: "q", url: "" }] };
    expect(threeWayMerge(base, mine, theirs, fields).conflicts).toEqual([]);
  });
});
