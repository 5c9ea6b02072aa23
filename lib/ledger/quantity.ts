// One quantity type for the whole ledger: obligations, breakdowns, transfers and accounts.
// Pure functions, shared by server and browser.
import type { QuantityKind, QuantityQualifier } from "@/lib/generated/prisma/enums";

export type Quantity =
  | { kind: "EXACT"; value: number; wording?: string | null }
  | { kind: "RANGE"; min: number; max: number; wording?: string | null }
  | { kind: "APPROXIMATE"; qualifier: QuantityQualifier; value: number; wording?: string | null }
  | { kind: "UNKNOWN"; wording: string };

/** How a quantity is stored: the quantity* columns of every ledger table. */
export type QuantityColumns = {
  quantityKind: QuantityKind | null;
  quantityValue: number | null;
  quantityMin: number | null;
  quantityMax: number | null;
  quantityQualifier: QuantityQualifier | null;
  quantityWording: string | null;
};

export const qualifierWords: Record<QuantityQualifier, string> = {
  ABOUT: "about",
  AT_LEAST: "at least",
  MORE_THAN: "more than",
  UP_TO: "up to",
  FEWER_THAN: "fewer than",
};

/** The largest number a quantity column (PostgreSQL int4) holds. */
export const INT4_MAX = 2_147_483_647;

export const quantityColumnsSelect = {
  quantityKind: true,
  quantityValue: true,
  quantityMin: true,
  quantityMax: true,
  quantityQualifier: true,
  quantityWording: true,
} as const;

export function toColumns(quantity: Quantity): QuantityColumns & { quantityKind: QuantityKind };
export function toColumns(quantity: Quantity | null): QuantityColumns;
export function toColumns(quantity: Quantity | null): QuantityColumns {
  const none = { quantityValue: null, quantityMin: null, quantityMax: null, quantityQualifier: null };
  if (!quantity) return { ...none, quantityKind: null, quantityWording: null };
  const quantityWording = quantity.wording || null;
  switch (quantity.kind) {
    case "EXACT":
      return { ...none, quantityKind: "EXACT", quantityValue: quantity.value, quantityWording };
    case "RANGE":
      return { ...none, quantityKind: "RANGE", quantityMin: quantity.min, quantityMax: quantity.max, quantityWording };
    case "APPROXIMATE":
      return {
        ...none,
        quantityKind: "APPROXIMATE",
        quantityValue: quantity.value,
        quantityQualifier: quantity.qualifier,
        quantityWording,
      };
    case "UNKNOWN":
      return { ...none, quantityKind: "UNKNOWN", quantityWording };
  }
}

export function fromColumns(row: QuantityColumns): Quantity | null {
  const wording = row.quantityWording;
  switch (row.quantityKind) {
    case "EXACT":
      return { kind: "EXACT", value: row.quantityValue!, wording };
    case "RANGE":
      return { kind: "RANGE", min: row.quantityMin!, max: row.quantityMax!, wording };
    case "APPROXIMATE":
      return { kind: "APPROXIMATE", qualifier: row.quantityQualifier!, value: row.quantityValue!, wording };
    case "UNKNOWN":
      return { kind: "UNKNOWN", wording: wording ?? "" };
    default:
      return null;
  }
}

const number = new Intl.NumberFormat("en-GB");

/** "61", "20–30", "about 1,900", "dozens": the qualifier is never dropped. */
export function formatQuantity(quantity: Quantity): string {
  switch (quantity.kind) {
    case "EXACT":
      return number.format(quantity.value);
    case "RANGE":
      return quantity.min === quantity.max
        ? number.format(quantity.min)
        : `${number.format(quantity.min)}–${number.format(quantity.max)}`;
    case "APPROXIMATE":
      return `${qualifierWords[quantity.qualifier]} ${number.format(quantity.value)}`;
    case "UNKNOWN":
      return quantity.wording || "an unknown number";
  }
}

/** The single number a quantity stands for in totals, bars and sorting; null when there is none. */
export function pointValue(quantity: Quantity | null): number | null {
  if (!quantity) return null;
  switch (quantity.kind) {
    case "EXACT":
    case "APPROXIMATE":
      return quantity.value;
    case "RANGE":
      return Math.round((quantity.min + quantity.max) / 2);
    case "UNKNOWN":
      return null;
  }
}

/** The most a quantity can be, when it says so: over-delivery is measured against this. */
export function upperBound(quantity: Quantity | null): number | null {
  if (!quantity) return null;
  if (quantity.kind === "EXACT") return quantity.value;
  if (quantity.kind === "RANGE") return quantity.max;
  if (quantity.kind === "APPROXIMATE" && quantity.qualifier === "UP_TO") return quantity.value;
  if (quantity.kind === "APPROXIMATE" && quantity.qualifier === "FEWER_THAN") return quantity.value - 1;
  return null;
}

/** The least a quantity certainly is: what is counted as released when a transfer is approximate. */
export function lowerBound(quantity: Quantity | null): number | null {
  if (!quantity) return null;
  if (quantity.kind === "EXACT") return quantity.value;
  if (quantity.kind === "RANGE") return quantity.min;
  if (quantity.kind === "APPROXIMATE") {
    if (quantity.qualifier === "AT_LEAST" || quantity.qualifier === "ABOUT") return quantity.value;
    if (quantity.qualifier === "MORE_THAN") return quantity.value + 1;
    return 0;
  }
  return null;
}

export function scaleQuantity(quantity: Quantity, factor: number): Quantity {
  switch (quantity.kind) {
    case "EXACT":
      return { kind: "EXACT", value: quantity.value * factor };
    case "RANGE":
      return { kind: "RANGE", min: quantity.min * factor, max: quantity.max * factor };
    case "APPROXIMATE":
      return { kind: "APPROXIMATE", qualifier: quantity.qualifier, value: quantity.value * factor };
    case "UNKNOWN":
      return { kind: "UNKNOWN", wording: quantity.wording };
  }
}

/** A sum of quantities: a number part (itself a quantity) and the parts that have no number. */
export type QuantitySum = { total: Quantity | null; unknown: string[] };

const LOWER: QuantityQualifier[] = ["AT_LEAST", "MORE_THAN"];
const UPPER: QuantityQualifier[] = ["UP_TO", "FEWER_THAN"];

/**
 * Adds quantities without inventing precision: exact parts stay exact, ranges add up
 * as ranges, one-sided bounds keep their direction ("at least 10" + 5 = "at least 15"),
 * and anything mixed reads "about". Parts with no number are listed, never counted as 0.
 */
export function sumQuantities(quantities: Array<Quantity | null>): QuantitySum {
  const parts = quantities.filter((q): q is Quantity => q !== null);
  const unknown = parts.filter((q) => q.kind === "UNKNOWN").map((q) => (q as { wording: string }).wording);
  const numeric = parts.filter((q) => q.kind !== "UNKNOWN");
  if (numeric.length === 0) return { total: null, unknown };
  const qualifiers = new Set(numeric.flatMap((q) => (q.kind === "APPROXIMATE" ? [q.qualifier] : [])));
  const hasRange = numeric.some((q) => q.kind === "RANGE");
  const lows = numeric.reduce((s, q) => s + (q.kind === "RANGE" ? q.min : (q as { value: number }).value), 0);
  const highs = numeric.reduce((s, q) => s + (q.kind === "RANGE" ? q.max : (q as { value: number }).value), 0);
  const points = numeric.reduce((s, q) => s + pointValue(q)!, 0);
  let total: Quantity;
  if (qualifiers.size === 0) {
    total = hasRange ? { kind: "RANGE", min: lows, max: highs } : { kind: "EXACT", value: lows };
  } else if ([...qualifiers].every((q) => LOWER.includes(q))) {
    total = { kind: "APPROXIMATE", qualifier: qualifiers.has("MORE_THAN") ? "MORE_THAN" : "AT_LEAST", value: lows };
  } else if ([...qualifiers].every((q) => UPPER.includes(q))) {
    total = { kind: "APPROXIMATE", qualifier: qualifiers.has("FEWER_THAN") ? "FEWER_THAN" : "UP_TO", value: highs };
  } else {
    total = { kind: "APPROXIMATE", qualifier: "ABOUT", value: points };
  }
  return { total, unknown };
}

/** "270", "about 1,900", "61 and dozens more", "an unknown number". */
export function formatSum(sum: QuantitySum): string {
  const parts: string[] = [];
  if (sum.total) parts.push(formatQuantity(sum.total));
  if (sum.unknown.length > 0) parts.push(sum.total ? `${sum.unknown.join(", ")} more` : sum.unknown.join(", "));
  return parts.join(" and ") || "none";
}

// Words that say a number is not exact; a quantity saved as exact must not carry them.
const HEDGES: Array<[RegExp, QuantityQualifier | "UNKNOWN"]> = [
  [/\b(about|around|approximately|roughly|some|nearly|almost|an estimated|circa|ca\.)\b|~/i, "ABOUT"],
  [/\bat least\b/i, "AT_LEAST"],
  [/\b(more than|over|upwards of|in excess of)\b/i, "MORE_THAN"],
  [/\b(up to|as many as|at most)\b/i, "UP_TO"],
  [/\b(fewer than|less than|under)\b/i, "FEWER_THAN"],
  [/\b(dozens|scores|hundreds|thousands|several|many|a few)\b/i, "UNKNOWN"],
];

/** What the wording implies, when it implies a hedge: used to refuse "1900" saved with "about 1,900". */
export function hedgeInWording(wording: string | null | undefined): QuantityQualifier | "UNKNOWN" | null {
  if (!wording) return null;
  for (const [pattern, meaning] of HEDGES) if (pattern.test(wording)) return meaning;
  return null;
}
