import type { ReleaseCategory } from "@/lib/generated/prisma/enums";
import { formatQuantity, formatSum, type Quantity, type QuantitySum } from "@/lib/ledger/quantity";
import { categoryLabels } from "./labels";

function isSingular(quantity: Quantity | null): boolean {
  return (quantity?.kind === "EXACT" && quantity.value === 1) || (quantity?.kind === "RANGE" && quantity.max === 1);
}

/** "61 civilians", "about 1,900 detainees", "1 hostage", "dozens of fighters". */
export function formatObligation(quantity: Quantity | null, category: ReleaseCategory): string {
  const label = categoryLabels[category];
  const noun = isSingular(quantity) ? label.one : label.many;
  if (!quantity) return `an unknown number of ${noun}`;
  if (quantity.kind === "UNKNOWN") return `${quantity.wording} of ${noun}`;
  return `${formatQuantity(quantity)} ${noun}`;
}

/** "released 270 of 880", "released about 1,900 of about 1,900 — more than agreed". */
export function formatProgress(p: { released: QuantitySum; agreed: QuantitySum; moreThanAgreed: boolean }): string {
  const nothingYet = !p.released.total && p.released.unknown.length === 0;
  const text = `${nothingYet ? "0" : formatSum(p.released)} of ${formatSum(p.agreed)}`;
  return p.moreThanAgreed ? `${text} — more than agreed` : text;
}

/**
 * The terms in one line: "61 civilians ↔ 30 security personnel". Obligations are
 * grouped by who releases them; two sides read as a swap, more as a list.
 */
export function termsOneLiner(
  obligations: Array<{ quantity: Quantity | null; category: ReleaseCategory; releasingActorId: string }>,
): string {
  if (obligations.length === 0) return "";
  const groups = new Map<string, string[]>();
  for (const o of obligations) {
    const group = groups.get(o.releasingActorId) ?? [];
    group.push(formatObligation(o.quantity, o.category));
    groups.set(o.releasingActorId, group);
  }
  const sides = [...groups.values()].map((group) => group.join(" + "));
  return sides.length === 2 ? sides.join(" ↔ ") : sides.join("; ");
}
