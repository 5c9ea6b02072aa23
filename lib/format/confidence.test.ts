import { describe, expect, it } from "vitest";
import type { PublicCitation, PublicSource } from "@/lib/data/reader/types";
import { termsConfidence } from "./confidence";

const source = (slug: string, kind: PublicSource["kind"], reliability: PublicSource["reliability"]): PublicSource => ({
  slug,
  name: slug,
  kind,
  url: null,
  reliability,
  publicDescription: "",
});
const cite = (s: PublicSource, via: PublicSource | null = null): PublicCitation => ({
  id: s.slug,
  attribution: s.slug,
  url: null,
  excerpt: "",
  publishedOn: null,
  archivedCopy: null,
  source: s,
  via,
});
const anonymous = source("druze-source", "ANONYMOUS", "F");
const afp = source("afp", "WIRE_AGENCY", "B");
const ministry = source("ministry", "GOVERNMENT", "D");

describe("termsConfidence", () => {
  it("marks one anonymous source relayed by a wire agency as single, anonymous and unconfirmed", () => {
    expect(termsConfidence([cite(anonymous, afp)])).toEqual({
      singleAnonymousSource: true,
      unconfirmedBySides: true,
      lowestRating: "F",
      sourceCount: 1,
    });
  });

  it("counts a government statement as a side's confirmation and takes the weakest rating", () => {
    const result = termsConfidence([cite(afp), cite(ministry)]);
    expect(result.singleAnonymousSource).toBe(false);
    expect(result.unconfirmedBySides).toBe(false);
    expect(result.lowestRating).toBe("D");
  });

  it("says nothing about terms without citations", () => {
    expect(termsConfidence([])).toEqual({
      singleAnonymousSource: false,
      unconfirmedBySides: false,
      lowestRating: null,
      sourceCount: 0,
    });
  });
});
