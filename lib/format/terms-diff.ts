import type { ObligationView, TermsVersionView } from "@/lib/data/reader/types";
import { termsStatusLabels } from "./labels";

export type TermsChange =
  { kind: "added"; text: string } | { kind: "removed"; text: string } | { kind: "changed"; text: string };

const name = (actor: ObligationView["releasing"]) => actor.shortName ?? actor.name;
const describe = (o: ObligationView) => `${name(o.releasing)} releases ${o.text} to ${name(o.receiving)}`;

/**
 * What changed from one terms version of a phase to the next, in sentences a reader can
 * scan. Obligations keep their identity across versions, so a changed number reads as a
 * change, not as one obligation removed and another added.
 */
export function diffTermsVersions(previous: TermsVersionView, next: TermsVersionView): TermsChange[] {
  const changes: TermsChange[] = [];
  if (previous.status !== next.status) {
    changes.push({
      kind: "changed",
      text: `Status: ${termsStatusLabels[previous.status]} → ${termsStatusLabels[next.status]}`,
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
    if (old.text !== o.text) changes.push({ kind: "changed", text: `${describe(o)} (was ${old.text})` });
    else if (old.description !== o.description)
      changes.push({ kind: "changed", text: `${describe(o)}: description now “${o.description}”` });
  }
  for (const [id, o] of before) if (!after.has(id)) changes.push({ kind: "removed", text: describe(o) });
  return changes;
}
