import type { ObligationView, TermsVersionView } from "@/lib/data/reader/types";
import { termsStatusLabels } from "./labels";

export type TermsChange =
  { kind: "added"; text: string } | { kind: "removed"; text: string } | { kind: "changed"; text: string };

const name = (actor: ObligationView["releasing"]) => actor.shortName ?? actor.name;

/** How the changes are worded; English by default, a page passes its language's (components/reader/terms-history). */
export type TermsDiffWording = {
  describe(o: ObligationView): string;
  statusChange(from: TermsVersionView["status"], to: TermsVersionView["status"]): string;
  was(line: string, before: ObligationView): string;
  descriptionNow(line: string, o: ObligationView): string;
};

const english: TermsDiffWording = {
  describe: (o) => `${name(o.releasing)} releases ${o.text} to ${name(o.receiving)}`,
  statusChange: (from, to) => `Status: ${termsStatusLabels[from]} → ${termsStatusLabels[to]}`,
  was: (line, before) => `${line} (was ${before.text})`,
  descriptionNow: (line, o) => `${line}: description now “${o.description}”`,
};

/**
 * What changed from one terms version of a phase to the next, in sentences a reader can
 * scan. Obligations keep their identity across versions, so a changed number reads as a
 * change, not as one obligation removed and another added.
 */
export function diffTermsVersions(
  previous: TermsVersionView,
  next: TermsVersionView,
  wording: TermsDiffWording = english,
): TermsChange[] {
  const describe = wording.describe;
  const changes: TermsChange[] = [];
  if (previous.status !== next.status) {
    changes.push({
      kind: "changed",
      text: wording.statusChange(previous.status, next.status),
    });
  }
  const before = new Map(previous.obligations.filter((o) => !o.withdrawn).map((o) => [o.id, o]));
  const after = new Map(next.obligations.filter((o) => !o.withdrawn).map((o) => [o.id, o]));
  for (const [id, o] of after) {
    const old = before.get(id);
    if (!old) {
      changes.push({ kind: "added", text: describe(o) });
      continue;
    }
    if (old.text !== o.text) changes.push({ kind: "changed", text: wording.was(describe(o), old) });
    else if (old.description !== o.description)
      changes.push({ kind: "changed", text: wording.descriptionNow(describe(o), o) });
  }
  for (const [id, o] of before) if (!after.has(id)) changes.push({ kind: "removed", text: describe(o) });
  return changes;
}
