// Ledger views in the public API's shape: every quantity states its kind and qualifier.
import type {
  DevelopmentView,
  FigureView,
  ObligationView,
  PhaseView,
  SideView,
  TermsVersionView,
  TimelinePage,
  TransferView,
} from "@/lib/data/reader/types";
import { formatQuantity, formatSum, type Quantity, type QuantitySum } from "@/lib/ledger/quantity";
import type { Progress } from "@/lib/ledger/totals";
import { formatProgress } from "@/lib/format/terms";

export function apiQuantity(q: Quantity | null) {
  if (!q) return null;
  return {
    kind: q.kind,
    value: q.kind === "EXACT" || q.kind === "APPROXIMATE" ? q.value : null,
    min: q.kind === "RANGE" ? q.min : null,
    max: q.kind === "RANGE" ? q.max : null,
    qualifier: q.kind === "APPROXIMATE" ? q.qualifier : null,
    wording: q.wording ?? null,
    text: formatQuantity(q),
  };
}

const apiSum = (sum: QuantitySum) => ({ total: apiQuantity(sum.total), unknown: sum.unknown, text: formatSum(sum) });

const apiProgress = (p: Progress) => ({
  agreed: apiSum(p.agreed),
  released: apiSum(p.released),
  releasedCount: p.releasedCount,
  target: p.target,
  moreThanAgreed: p.moreThanAgreed,
  text: formatProgress(p),
});

const apiObligation = (o: ObligationView) => ({
  id: o.id,
  releasing: o.releasing,
  receiving: o.receiving,
  category: o.category,
  description: o.description,
  localized: o.localized,
  quantity: apiQuantity(o.quantity),
  ratio: o.ratio ? { perUnit: o.ratio.perUnit, perUnitOf: o.ratio.perUnitOf } : null,
  agreed: apiQuantity(o.agreed),
  derived: o.derived,
  withdrawn: o.withdrawn,
  breakdowns: o.breakdowns.map((b) => ({ label: b.label, category: b.category, quantity: apiQuantity(b.quantity)! })),
  progress: apiProgress(o.progress),
});

export const apiTermsVersion = (v: TermsVersionView) => ({
  id: v.id,
  number: v.number,
  phaseId: v.phaseId,
  proposedOn: v.proposedOn,
  proposedPrecision: v.proposedPrecision,
  proposedBy: v.proposedBy,
  status: v.status,
  summary: v.summary,
  obligations: v.obligations.map(apiObligation),
  citations: v.citations,
});

export const apiPhase = ({ current, versions: _versions, ...phase }: PhaseView) => ({
  ...phase,
  currentTerms: current ? apiTermsVersion(current) : null,
});

export const apiTransfer = ({ text: _text, ...t }: TransferView) => ({
  ...t,
  quantity: apiQuantity(t.quantity)!,
  accounts: t.accounts.map(({ text: _accountText, ...a }) => ({ ...a, quantity: apiQuantity(a.quantity)! })),
});

export const apiSide = ({
  releasingActorId: _id,
  progressText: _text,
  series,
  actor,
  label,
  ...progress
}: SideView) => ({
  actor,
  label,
  ...apiProgress(progress),
  series,
});

/** A figure's claims, each with its quantity; `wording` stays for clients written before quantities. */
export const apiFigure = (figure: FigureView) => ({
  ...figure,
  claims: figure.claims.map(({ id: _id, quantity, text, ...claim }) => ({
    quantity: apiQuantity(quantity),
    wording: quantity.wording ?? text,
    ...claim,
  })),
});

/** The body of `GET /api/v1/negotiations/{slug}/developments` for one timeline page. */
export const apiDevelopmentPage = (timeline: TimelinePage) => ({
  ...timeline,
  items: timeline.items.map(apiDevelopment),
});

/** A published development as the read API and webhooks show it. */
export const apiDevelopment = ({
  occurredAt: _occurredAt,
  reportedAt: _reportedAt,
  corrections,
  transfers,
  ...development
}: DevelopmentView) => ({
  ...development,
  transfers: transfers.map(apiTransfer),
  corrections: corrections.map(({ note, correctedAt, localized }) => ({ note, correctedAt, localized })),
});
