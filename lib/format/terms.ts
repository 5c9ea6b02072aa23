import type { ReleaseCategory } from "@/lib/generated/prisma/enums";
import { categoryLabels } from "./labels";

export type CountFields = {
  countExact: number | null;
  countMin: number | null;
  countMax: number | null;
  countWording: string | null;
};

const number = new Intl.NumberFormat("en-GB");

/** "61", "20–30", "at least 20" or the reported wording ("dozens"). */
export function formatCount(item: CountFields): string {
  if (item.countExact !== null) return number.format(item.countExact);
  if (item.countMin !== null && item.countMax !== null) {
    return item.countMin === item.countMax
      ? number.format(item.countMin)
      : `${number.format(item.countMin)}–${number.format(item.countMax)}`;
  }
  if (item.countMin !== null) return item.countWording || `at least ${number.format(item.countMin)}`;
  return item.countWording ?? "unknown";
}

function isSingular(item: CountFields): boolean {
  return item.countExact === 1 || (item.countMin === 1 && item.countMax === 1);
}

/** "61 civilians", "1 hostage", "dozens of fighters". */
export function formatItem(item: CountFields & { category: ReleaseCategory }): string {
  const label = categoryLabels[item.category];
  const count = formatCount(item);
  const noun = isSingular(item) ? label.one : label.many;
  if (item.countExact !== null || item.countMin !== null) return `${count} ${noun}`;
  return item.countWording ? `${item.countWording} of ${noun}` : `an unknown number of ${noun}`;
}

/**
 * The terms in one line: "61 civilians ↔ 30 security personnel". Items are
 * grouped by who releases them; two sides read as a swap, more as a list.
 */
export function termsOneLiner(
  items: Array<CountFields & { category: ReleaseCategory; releasingActorId: string }>,
): string {
  if (items.length === 0) return "";
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const group = groups.get(item.releasingActorId) ?? [];
    group.push(formatItem(item));
    groups.set(item.releasingActorId, group);
  }
  const sides = [...groups.values()].map((group) => group.join(" + "));
  return sides.length === 2 ? sides.join(" ↔ ") : sides.join("; ");
}
