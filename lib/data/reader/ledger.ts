import "server-only";
import { english } from "./localize";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { categoryLabels } from "@/lib/format/labels";
import { formatObligation, formatProgress } from "@/lib/format/terms";
import { formatQuantity, fromColumns, pointValue, quantityColumnsSelect, type Quantity } from "@/lib/ledger/quantity";
import {
  obligationProgress,
  resolveAgreed,
  sideProgress,
  type LedgerObligation,
  type LedgerTransfer,
} from "@/lib/ledger/totals";
import { iso, isoOrNull, placeColumnsSelect, toActorRef, toPlaceView, toPublicCitation } from "./map";
import {
  actorSummarySelect,
  citationOrder,
  publicCitationSelect,
  publicRow,
  publicSourceSelect,
} from "./public-selects";
import type { ObligationView, PhaseView, SideView, TermsVersionView, TransferView } from "./types";

/**
 * Which rows a ledger shows: readers see published versions and transfers of public
 * developments; staff previews see drafts too (never archived rows).
 */
export type LedgerAudience = "public" | "staff";

const obligationSidesSelect = {
  id: true,
  category: true,
  releasingActor: { select: actorSummarySelect },
  receivingActor: { select: actorSummarySelect },
} as const;

export const termsVersionSelect = {
  id: true,
  number: true,
  phaseId: true,
  proposedOn: true,
  proposedPrecision: true,
  proposedBy: { select: actorSummarySelect },
  status: true,
  summary: true,
  publication: true,
  citations: { orderBy: citationOrder, select: publicCitationSelect },
  terms: {
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      ...quantityColumnsSelect,
      perUnit: true,
      perUnitOfId: true,
      description: true,
      withdrawn: true,
      obligation: { select: obligationSidesSelect },
      breakdowns: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { label: true, category: true, ...quantityColumnsSelect },
      },
    },
  },
} satisfies Prisma.TermsVersionSelect;

type TermsVersionRow = Prisma.TermsVersionGetPayload<{ select: typeof termsVersionSelect }>;

export const transferSelect = {
  id: true,
  obligationId: true,
  developmentId: true,
  ...quantityColumnsSelect,
  occurredOn: true,
  occurredPrecision: true,
  ...placeColumnsSelect,
  note: true,
  intermediary: { select: actorSummarySelect },
  obligation: { select: obligationSidesSelect },
  development: { select: { occurredOn: true, occurredPrecision: true } },
  accounts: {
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      attribution: true,
      sourceUrl: true,
      source: { select: publicSourceSelect },
      attributedTo: { select: actorSummarySelect },
      ...quantityColumnsSelect,
    },
  },
} satisfies Prisma.TransferSelect;

type TransferRow = Prisma.TransferGetPayload<{ select: typeof transferSelect }>;

export function toTransferView(row: TransferRow): TransferView {
  const quantity = fromColumns(row)!;
  // A transfer without its own date takes its development's, so a corrected date moves it too.
  const date = row.occurredOn ?? row.development?.occurredOn ?? new Date(0);
  return {
    id: row.id,
    obligationId: row.obligationId,
    developmentId: row.developmentId,
    releasing: toActorRef(row.obligation.releasingActor),
    receiving: toActorRef(row.obligation.receivingActor),
    category: row.obligation.category,
    quantity,
    text: formatObligation(quantity, row.obligation.category),
    date: iso(date),
    precision: row.occurredOn ? row.occurredPrecision : (row.development?.occurredPrecision ?? row.occurredPrecision),
    place: row.place,
    location: toPlaceView(row),
    intermediary: row.intermediary ? toActorRef(row.intermediary) : null,
    note: row.note,
    accounts: row.accounts.map((a) => {
      const q = fromColumns(a)!;
      return {
        attribution: a.attribution,
        attributedTo: a.attributedTo ? toActorRef(a.attributedTo) : null,
        quantity: q,
        text: formatQuantity(q),
        source: a.source ? { ...a.source } : null,
        sourceUrl: a.sourceUrl,
      };
    }),
  };
}

const toLedgerTransfer = (t: TransferView): LedgerTransfer => ({
  obligationId: t.obligationId,
  quantity: t.quantity,
  date: t.date,
  precision: t.precision,
});

function toTermsVersionView(row: TermsVersionRow, transfers: TransferView[]): TermsVersionView {
  const agreed = resolveAgreed(
    row.terms.map((t) => ({
      obligationId: t.obligation.id,
      quantity: fromColumns(t),
      ratio: t.perUnit && t.perUnitOfId ? { perUnit: t.perUnit, perUnitOf: t.perUnitOfId } : null,
      withdrawn: t.withdrawn,
    })),
  );
  const byObligation = new Map(row.terms.map((t) => [t.obligation.id, t]));
  const obligations = row.terms.map((t): ObligationView => {
    const quantity = fromColumns(t);
    const resolved = agreed.get(t.obligation.id)!;
    const own = transfers.filter((tr) => tr.obligationId === t.obligation.id).map(toLedgerTransfer);
    const progress = obligationProgress(resolved.agreed, own);
    const base = t.perUnitOfId ? byObligation.get(t.perUnitOfId) : undefined;
    const breakdowns = t.breakdowns.map((b) => {
      const q = fromColumns(b)!;
      return { label: b.label, category: b.category, quantity: q, text: formatQuantity(q) };
    });
    const whole = pointValue(resolved.agreed);
    const partsTotal = breakdowns.reduce((s, b) => s + (pointValue(b.quantity) ?? 0), 0);
    return {
      id: t.obligation.id,
      releasing: toActorRef(t.obligation.releasingActor),
      receiving: toActorRef(t.obligation.receivingActor),
      category: t.obligation.category,
      description: t.description,
      // English here; the reader loaders swap in the requested language (localize.ts).
      localized: { description: english(t.description) },
      quantity,
      ratio:
        t.perUnit && t.perUnitOfId
          ? {
              perUnit: t.perUnit,
              perUnitOf: t.perUnitOfId,
              perUnitOfText: base ? categoryLabels[base.obligation.category].one : "",
              perUnitOfCategory: base?.obligation.category ?? null,
            }
          : null,
      agreed: resolved.agreed,
      derived: resolved.derived,
      text: ratioAwareText(resolved.agreed, t.obligation.category, t.perUnit, base?.obligation.category),
      withdrawn: t.withdrawn,
      breakdowns,
      breakdownsExceedWhole: whole !== null && partsTotal > whole,
      progress,
      progressText: formatProgress(progress),
    };
  });
  return {
    id: row.id,
    number: row.number,
    phaseId: row.phaseId,
    proposedOn: iso(row.proposedOn),
    proposedPrecision: row.proposedPrecision,
    proposedBy: row.proposedBy ? toActorRef(row.proposedBy) : null,
    status: row.status,
    summary: row.summary,
    publication: row.publication,
    citations: row.citations.map(toPublicCitation),
    obligations,
  };
}

/** "990 detainees (30 per hostage)" for a ratio rule; "30 detainees per hostage" while the base has no number. */
function ratioAwareText(
  agreed: Quantity | null,
  category: ObligationView["category"],
  perUnit: number | null,
  baseCategory: ObligationView["category"] | undefined,
): string {
  if (!perUnit || !baseCategory) return formatObligation(agreed, category);
  const per = `per ${categoryLabels[baseCategory].one}`;
  return agreed
    ? `${formatObligation(agreed, category)} (${perUnit} ${per})`
    : `${perUnit} ${categoryLabels[category].many} ${per}`;
}

/** A phase's own fields, as readers and the editor show them. */
export const phaseFieldsSelect = {
  id: true,
  number: true,
  name: true,
  summary: true,
  startedOn: true,
  startedPrecision: true,
  endedOn: true,
  endedPrecision: true,
} satisfies Prisma.PhaseSelect;

export type Ledger = {
  phases: PhaseView[];
  termsVersions: TermsVersionView[];
  sides: SideView[];
  transfers: TransferView[];
};

/**
 * The ledger of one negotiation: phases with their terms history, transfers, and
 * per-side totals computed from the current terms of every phase.
 */
export async function loadLedger(negotiationId: string, audience: LedgerAudience): Promise<Ledger> {
  return (await loadLedgers([negotiationId], audience)).get(negotiationId)!;
}

/**
 * The ledgers of several negotiations with the statements of one (the home page's cards, the
 * API's list): the same three queries for any number of negotiations, never one set per card.
 */
export async function loadLedgers(negotiationIds: string[], audience: LedgerAudience): Promise<Map<string, Ledger>> {
  const ids = [...new Set(negotiationIds)];
  const versionWhere: Prisma.TermsVersionWhereInput = audience === "public" ? publicRow : { archivedAt: null };
  const developmentWhere: Prisma.DevelopmentWhereInput = audience === "public" ? publicRow : { archivedAt: null };
  const [phaseRows, transferRows, sideLabels] = ids.length
    ? await Promise.all([
        db().phase.findMany({
          where: { negotiationId: { in: ids } },
          orderBy: { number: "asc" },
          select: {
            ...phaseFieldsSelect,
            negotiationId: true,
            termsVersions: { where: versionWhere, orderBy: { number: "desc" }, select: termsVersionSelect },
          },
        }),
        db().transfer.findMany({
          where: {
            obligation: { negotiationId: { in: ids } },
            OR: [{ developmentId: null }, { development: developmentWhere }],
          },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { ...transferSelect, obligation: { select: { ...obligationSidesSelect, negotiationId: true } } },
        }),
        db().participation.findMany({
          where: { negotiationId: { in: ids }, archivedAt: null, role: "PARTY", side: { not: null } },
          select: { negotiationId: true, side: true, actor: { select: { slug: true } } },
        }),
      ])
    : [[], [], []];
  const byNegotiation = <T>(rows: T[], idOf: (row: T) => string) => {
    const groups = new Map<string, T[]>();
    for (const row of rows) groups.set(idOf(row), [...(groups.get(idOf(row)) ?? []), row]);
    return groups;
  };
  const phasesOf = byNegotiation(phaseRows, (row) => row.negotiationId);
  const transfersOf = byNegotiation(transferRows, (row) => row.obligation.negotiationId);
  const labelsOf = byNegotiation(sideLabels, (row) => row.negotiationId);
  return new Map(
    ids.map((id) => [
      id,
      buildLedger(phasesOf.get(id) ?? [], transfersOf.get(id) ?? [], labelsOf.get(id) ?? [], audience),
    ]),
  );
}

type PhaseRow = Prisma.PhaseGetPayload<{
  select: typeof phaseFieldsSelect & { termsVersions: { select: typeof termsVersionSelect } };
}>;

function buildLedger(
  phaseRows: PhaseRow[],
  transferRows: TransferRow[],
  sideLabels: Array<{ side: string | null; actor: { slug: string } }>,
  audience: LedgerAudience,
): Ledger {
  const transfers = transferRows.map(toTransferView).sort((a, b) => a.date.localeCompare(b.date));
  const phases = phaseRows
    .map((p): PhaseView => {
      const versions = p.termsVersions.map((v) => toTermsVersionView(v, transfers));
      return {
        id: p.id,
        number: p.number,
        name: p.name,
        summary: p.summary,
        startedOn: isoOrNull(p.startedOn),
        startedPrecision: p.startedPrecision,
        endedOn: isoOrNull(p.endedOn),
        endedPrecision: p.endedPrecision,
        current: versions[0] ?? null,
        versions,
      };
    })
    // A phase readers cannot see any terms of is not shown to them.
    .filter((p) => audience === "staff" || p.current !== null);

  const actors = new Map<string, SideView["actor"]>();
  const obligations = new Map<string, LedgerObligation>();
  for (const phase of phases)
    for (const o of phase.current?.obligations ?? []) {
      actors.set(o.releasing.slug, o.releasing);
      obligations.set(o.id, { id: o.id, releasingActorId: o.releasing.slug, agreed: o.agreed, counted: !o.withdrawn });
    }
  for (const t of transfers)
    if (!obligations.has(t.obligationId)) {
      actors.set(t.releasing.slug, t.releasing);
      obligations.set(t.obligationId, {
        id: t.obligationId,
        releasingActorId: t.releasing.slug,
        agreed: null,
        counted: false,
      });
    }
  const labels = new Map(sideLabels.map((p) => [p.actor.slug, p.side]));
  const sides = sideProgress([...obligations.values()], transfers.map(toLedgerTransfer)).map((side): SideView => ({
    ...side,
    actor: actors.get(side.releasingActorId)!,
    label: labels.get(side.releasingActorId) ?? null,
    progressText: formatProgress(side),
  }));
  const termsVersions = phases
    .flatMap((p) => p.versions)
    .sort((a, b) => b.proposedOn.localeCompare(a.proposedOn) || b.number - a.number);
  return { phases, termsVersions, sides, transfers };
}
