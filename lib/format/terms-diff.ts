import type { TermsItemView, TermsVersionView } from "@/lib/data/reader/types";
import { termsStatusLabels } from "./labels";
import { formatCount, formatItem } from "./terms";

export type TermsChange =
  { kind: "added"; text: string } | { kind: "removed"; text: string } | { kind: "changed"; text: string };

// Items are the "same" across versions when the same side releases the same category to the same side.
const itemKey = (item: TermsItemView) => `${item.releasing.slug}→${item.receiving.slug}:${item.category}`;
const describe = (item: TermsItemView) =>
  `${item.releasing.shortName ?? item.releasing.name} releases ${formatItem(item)} to ${item.receiving.shortName ?? item.receiving.name}`;

/** What changed from one terms version to the next, in sentences a reader can scan. */
export function diffTermsVersions(previous: TermsVersionView, next: TermsVersionView): TermsChange[] {
  const changes: TermsChange[] = [];
  if (previous.status !== next.status) {
    changes.push({
      kind: "changed",
      text: `Status: ${termsStatusLabels[previous.status]} → ${termsStatusLabels[next.status]}`,
    });
  }
  const before = new Map(previous.items.map((item) => [itemKey(item), item]));
  const after = new Map(next.items.map((item) => [itemKey(item), item]));
  for (const [key, item] of after) {
    const old = before.get(key);
    if (!old) {
      changes.push({ kind: "added", text: describe(item) });
      continue;
    }
    if (formatCount(old) !== formatCount(item))
      changes.push({ kind: "changed", text: `${describe(item)} (was ${formatCount(old)})` });
    else if (old.description !== item.description)
      changes.push({ kind: "changed", text: `${describe(item)}: description now “${item.description}”` });
  }
  for (const [key, item] of before) if (!after.has(key)) changes.push({ kind: "removed", text: describe(item) });
  return changes;
}
