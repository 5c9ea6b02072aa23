import { describe, expect, it } from "vitest";
import type { TermsItemView, TermsVersionView } from "@/lib/data/reader/types";
import { citationPhrase, citationSentence } from "./citation";
import { diffTermsVersions } from "./terms-diff";

const actor = (slug: string, shortName: string) => ({ slug, name: shortName, shortName, kind: "GOVERNMENT" as const });
const damascus = actor("damascus", "Damascus");
const guard = actor("guard", "National Guard");

function item(overrides: Partial<TermsItemView>): TermsItemView {
  return {
    id: Math.random().toString(),
    releasing: damascus,
    receiving: guard,
    countExact: 61,
    countMin: null,
    countMax: null,
    countWording: null,
    category: "CIVILIANS",
    description: "",
    released: 0,
    target: 61,
    ...overrides,
  };
}

function version(items: TermsItemView[], status: TermsVersionView["status"] = "PROPOSED"): TermsVersionView {
  return {
    id: "v",
    number: 1,
    phase: null,
    proposedOn: "2026-02-24T00:00:00.000Z",
    proposedPrecision: "DAY",
    proposedBy: null,
    status,
    summary: "",
    items,
    citations: [],
  };
}

describe("diffTermsVersions", () => {
  it("reports added, removed and changed items and a status change", () => {
    const before = version([
      item({}),
      item({ releasing: guard, receiving: damascus, countExact: 30, category: "SECURITY_PERSONNEL", target: 30 }),
    ]);
    const after = version(
      [
        item({ countExact: 70, target: 70 }),
        item({
          releasing: guard,
          receiving: damascus,
          countExact: null,
          countWording: "dozens",
          category: "REMAINS",
          target: null,
        }),
      ],
      "AGREED",
    );
    expect(diffTermsVersions(before, after)).toEqual([
      { kind: "changed", text: "Status: Proposed → Agreed" },
      { kind: "changed", text: "Damascus releases 70 civilians to National Guard (was 61)" },
      { kind: "added", text: "National Guard releases dozens of sets of remains to Damascus" },
      { kind: "removed", text: "National Guard releases 30 security personnel to Damascus" },
    ]);
  });

  it("finds nothing when only ids differ", () => {
    expect(diffTermsVersions(version([item({})]), version([item({})]))).toEqual([]);
  });
});

describe("citation phrases", () => {
  const afp = {
    slug: "afp",
    name: "AFP",
    kind: "WIRE_AGENCY" as const,
    url: null,
    reliability: "B" as const,
    publicDescription: "",
  };
  it("names the relaying outlet first, as journalists write it", () => {
    expect(citationPhrase({ attribution: "a Druze source who requested anonymity", via: afp })).toBe(
      "according to AFP, citing a Druze source who requested anonymity",
    );
    expect(
      citationSentence([
        { attribution: "AFP", via: null },
        { attribution: "the Syrian Observatory", via: afp },
      ]),
    ).toBe("According to AFP; according to AFP, citing the Syrian Observatory.");
  });
});
