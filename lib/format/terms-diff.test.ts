import { describe, expect, it } from "vitest";
import type { ObligationView, TermsVersionView } from "@/lib/data/reader/types";
import { formatObligation } from "./terms";
import { citationPhrase, citationSentence } from "./citation";
import { diffTermsVersions } from "./terms-diff";

const actor = (slug: string, shortName: string) => ({ slug, name: shortName, shortName, kind: "GOVERNMENT" as const });
const damascus = actor("damascus", "Damascus");
const guard = actor("guard", "National Guard");

let counter = 0;
function obligation(overrides: Partial<ObligationView> & { id?: string }): ObligationView {
  const quantity = overrides.quantity === undefined ? { kind: "EXACT" as const, value: 61 } : overrides.quantity;
  const category = overrides.category ?? "CIVILIANS";
  const none = { total: null, unknown: [] };
  return {
    id: `o${++counter}`,
    releasing: damascus,
    receiving: guard,
    category,
    description: "",
    localized: { description: { text: "", lang: "en" } },
    quantity,
    ratio: null,
    agreed: quantity,
    derived: false,
    text: formatObligation(quantity, category),
    withdrawn: false,
    breakdowns: [],
    breakdownsExceedWhole: false,
    progress: { agreed: none, released: none, releasedCount: 0, target: null, moreThanAgreed: false },
    progressText: "",
    ...overrides,
  };
}

function version(obligations: ObligationView[], status: TermsVersionView["status"] = "PROPOSED"): TermsVersionView {
  return {
    id: "v",
    number: 1,
    phaseId: "p",
    proposedOn: "2026-02-24T00:00:00.000Z",
    proposedPrecision: "DAY",
    proposedBy: null,
    status,
    summary: "",
    publication: "PUBLISHED",
    obligations,
    citations: [],
  };
}

describe("diffTermsVersions", () => {
  it("reports added, removed and changed obligations and a status change", () => {
    const civilians = obligation({ id: "civilians" });
    const personnel = obligation({
      id: "personnel",
      releasing: guard,
      receiving: damascus,
      quantity: { kind: "EXACT", value: 30 },
      category: "SECURITY_PERSONNEL",
    });
    const before = version([civilians, personnel]);
    const seventy = { kind: "EXACT" as const, value: 70 };
    const after = version(
      [
        { ...civilians, quantity: seventy, agreed: seventy, text: formatObligation(seventy, "CIVILIANS") },
        { ...personnel, withdrawn: true },
        obligation({
          releasing: guard,
          receiving: damascus,
          quantity: { kind: "UNKNOWN", wording: "dozens" },
          category: "REMAINS",
        }),
      ],
      "AGREED",
    );
    expect(diffTermsVersions(before, after)).toEqual([
      { kind: "changed", text: "Status: Proposed → Agreed" },
      { kind: "changed", text: "Damascus releases 70 civilians to National Guard (was 61 civilians)" },
      { kind: "added", text: "National Guard releases dozens of sets of remains to Damascus" },
      { kind: "removed", text: "National Guard releases 30 security personnel to Damascus" },
    ]);
  });

  it("finds nothing when a version carries the same obligations over", () => {
    const same = obligation({ id: "same" });
    expect(diffTermsVersions(version([same]), version([{ ...same }]))).toEqual([]);
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
