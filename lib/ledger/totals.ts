// Honest totals: what each obligation and each releasing side agreed and carried out.
// Pure functions over plain rows, so the reader page, API, embed, feed and share image
// all say the same thing.
import type { DatePrecision } from "@/lib/generated/prisma/enums";
import { lowerBound, scaleQuantity, sumQuantities, upperBound, type Quantity, type QuantitySum } from "./quantity";

export type RatioRule = { perUnit: number; perUnitOf: string };

/** An obligation as one terms version states it: a quantity, or a ratio to another obligation of that version. */
export type StatedTerm = {
  obligationId: string;
  quantity: Quantity | null;
  ratio: RatioRule | null;
  withdrawn: boolean;
};

/**
 * The agreed quantity of every obligation of a version; a ratio's total is derived from its
 * base ("30 per hostage" × 33 hostages = 990), and marked derived. A ratio whose base has
 * no number stays without one.
 */
export function resolveAgreed(terms: StatedTerm[]): Map<string, { agreed: Quantity | null; derived: boolean }> {
  const byId = new Map(terms.map((t) => [t.obligationId, t]));
  const resolve = (term: StatedTerm, depth: number): Quantity | null => {
    if (term.quantity) return term.quantity;
    if (!term.ratio || depth > 5) return null;
    const base = byId.get(term.ratio.perUnitOf);
    const baseQuantity = base && !base.withdrawn ? resolve(base, depth + 1) : null;
    if (!baseQuantity || baseQuantity.kind === "UNKNOWN") return null;
    return scaleQuantity(baseQuantity, term.ratio.perUnit);
  };
  return new Map(terms.map((t) => [t.obligationId, { agreed: resolve(t, 0), derived: t.quantity === null }]));
}

export type LedgerTransfer = { obligationId: string; quantity: Quantity; date: string; precision: DatePrecision };

export type Progress = {
  agreed: QuantitySum;
  released: QuantitySum;
  /** What is certainly released: the sum of each transfer's lower bound. */
  releasedCount: number;
  /** What progress is measured against; null when the agreed number is unknown. */
  target: number | null;
  /** Released beyond the agreed maximum: readers see "more than agreed". */
  moreThanAgreed: boolean;
};

function progress(agreed: Array<Quantity | null>, transfers: LedgerTransfer[]): Progress {
  const agreedSum = sumQuantities(agreed);
  const released = sumQuantities(transfers.map((t) => t.quantity));
  const releasedCount = transfers.reduce((sum, t) => sum + (lowerBound(t.quantity) ?? 0), 0);
  const uppers = agreed.map(upperBound);
  const ceiling = uppers.length > 0 && uppers.every((u) => u !== null) ? uppers.reduce((s, u) => s! + u!, 0)! : null;
  const total = agreedSum.total;
  const target = total ? (total.kind === "RANGE" ? total.max : (total as { value: number }).value) : null;
  return {
    agreed: agreedSum,
    released,
    releasedCount,
    target: agreedSum.unknown.length > 0 ? null : target,
    moreThanAgreed: ceiling !== null && releasedCount > ceiling,
  };
}

export function obligationProgress(agreed: Quantity | null, transfers: LedgerTransfer[]): Progress {
  return progress([agreed], transfers);
}

export type SeriesPoint = { date: string; precision: DatePrecision; released: number; cumulative: number };

/** Released over time, one point per date, cumulative: ready for a chart. */
export function cumulativeSeries(transfers: LedgerTransfer[]): SeriesPoint[] {
  const byDate = new Map<string, SeriesPoint>();
  for (const t of [...transfers].sort((a, b) => a.date.localeCompare(b.date))) {
    const point = byDate.get(t.date) ?? { date: t.date, precision: t.precision, released: 0, cumulative: 0 };
    point.released += lowerBound(t.quantity) ?? 0;
    byDate.set(t.date, point);
  }
  let running = 0;
  return [...byDate.values()].map((point) => ({ ...point, cumulative: (running += point.released) }));
}

export type LedgerObligation = {
  id: string;
  releasingActorId: string;
  /** Null when the obligation is withdrawn or not in any current version. */
  agreed: Quantity | null;
  counted: boolean;
};

export type SideProgress = Progress & { releasingActorId: string; series: SeriesPoint[] };

/**
 * Per releasing side: "released X of Y" over its obligations in the current terms of every
 * phase. Transfers against an obligation no longer in the terms still count as released.
 */
export function sideProgress(obligations: LedgerObligation[], transfers: LedgerTransfer[]): SideProgress[] {
  const sides = [...new Set(obligations.map((o) => o.releasingActorId))];
  return sides.map((releasingActorId) => {
    const own = obligations.filter((o) => o.releasingActorId === releasingActorId);
    const ids = new Set(own.map((o) => o.id));
    const sideTransfers = transfers.filter((t) => ids.has(t.obligationId));
    return {
      releasingActorId,
      ...progress(
        own.filter((o) => o.counted).map((o) => o.agreed),
        sideTransfers,
      ),
      series: cumulativeSeries(sideTransfers),
    };
  });
}
