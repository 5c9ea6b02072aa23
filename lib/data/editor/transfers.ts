import "server-only";
import { toPartialDateString } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { RuleViolationError } from "@/lib/errors";
import { formatObligation } from "@/lib/format/terms";
import { fromColumns, lowerBound, quantityColumnsSelect, toColumns, upperBound } from "@/lib/ledger/quantity";
import { resolveAgreed } from "@/lib/ledger/totals";
import type { TransferInput } from "@/lib/validation/development";

type Tx = Prisma.TransactionClient;

export const transferSnapshotSelect = {
  obligationId: true,
  position: true,
  ...quantityColumnsSelect,
  occurredOn: true,
  occurredPrecision: true,
  place: true,
  placeCountry: true,
  placeLatitude: true,
  placeLongitude: true,
  intermediaryId: true,
  note: true,
  accounts: {
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      attribution: true,
      attributedToId: true,
      sourceId: true,
      source: { select: { name: true } },
      sourceUrl: true,
      ...quantityColumnsSelect,
    },
  },
} satisfies Prisma.TransferSelect;

type TransferRow = Prisma.TransferGetPayload<{ select: typeof transferSnapshotSelect }>;

/** A transfer as kept in a development's revisions, in the shape the form and the restore take back. */
export function transferSnapshot(row: TransferRow) {
  return {
    obligationId: row.obligationId,
    quantity: fromColumns(row),
    occurredOn: row.occurredOn ? toPartialDateString(row.occurredOn, row.occurredPrecision) : null,
    place: row.place,
    placeCountry: row.placeCountry,
    placeLatitude: row.placeLatitude,
    placeLongitude: row.placeLongitude,
    intermediaryId: row.intermediaryId,
    note: row.note,
    accounts: row.accounts.map((a) => ({
      attribution: a.attribution,
      attributedToId: a.attributedToId,
      sourceId: a.sourceId,
      /** The source's name when saved, so the form and history can show it. */
      sourceName: a.source?.name ?? null,
      sourceUrl: a.sourceUrl,
      quantity: fromColumns(a),
    })),
  };
}

/** Replaces a development's transfers as a whole (the previous set stays in its revision history). */
export async function writeTransfers(
  tx: Tx,
  developmentId: string,
  negotiationId: string,
  transfers: TransferInput[],
): Promise<void> {
  await tx.transfer.deleteMany({ where: { developmentId } });
  if (transfers.length === 0) return;
  const obligationIds = [...new Set(transfers.map((t) => t.obligationId))];
  const found = await tx.obligation.findMany({
    where: { id: { in: obligationIds }, negotiationId },
    select: { id: true },
  });
  const known = new Set(found.map((o) => o.id));
  const stray = transfers.findIndex((t) => !known.has(t.obligationId));
  if (stray >= 0)
    throw new RuleViolationError(
      "That obligation does not belong to this negotiation.",
      `transfers.${stray}.obligationId`,
    );
  const actorIds = [
    ...new Set(
      transfers.flatMap((t) => [t.intermediaryId, ...t.accounts.map((a) => a.attributedToId)]).filter(Boolean),
    ),
  ] as string[];
  if (
    actorIds.length > 0 &&
    (await tx.actor.count({ where: { id: { in: actorIds }, archivedAt: null } })) !== actorIds.length
  )
    throw new RuleViolationError("One of the chosen actors no longer exists; pick again.", "transfers");
  await assertAccountSources(tx, transfers);
  for (const [position, t] of transfers.entries()) {
    await tx.transfer.create({
      data: {
        obligationId: t.obligationId,
        developmentId,
        position,
        ...toColumns(t.quantity),
        occurredOn: t.occurredOn?.date,
        occurredPrecision: t.occurredOn?.precision,
        place: t.place,
        placeCountry: t.placeCountry ?? null,
        placeLatitude: t.placeLatitude ?? null,
        placeLongitude: t.placeLongitude ?? null,
        intermediaryId: t.intermediaryId,
        note: t.note,
        accounts: {
          create: t.accounts.map((a, i) => ({
            position: i,
            attribution: a.attribution,
            attributedToId: a.attributedToId,
            sourceId: a.sourceId,
            sourceUrl: a.sourceUrl,
            ...toColumns(a.quantity),
          })),
        },
      },
    });
  }
}

/**
 * The sources cited for differing counts must exist and not be merged away. Share-locked until
 * commit, in the same order as citations and source merges, so a concurrent merge cannot strand them.
 */
async function assertAccountSources(tx: Tx, transfers: TransferInput[]): Promise<void> {
  const ids = [...new Set(transfers.flatMap((t) => t.accounts.map((a) => a.sourceId)).filter(Boolean))] as string[];
  if (ids.length === 0) return;
  const rows = await tx.$queryRaw<
    Array<{ id: string }>
  >`SELECT id FROM "Source" WHERE id = ANY(${ids}::uuid[]) AND "mergedIntoId" IS NULL ORDER BY id FOR SHARE`;
  const known = new Set(rows.map((r) => r.id));
  for (const [t, transfer] of transfers.entries())
    for (const [a, account] of transfer.accounts.entries())
      if (account.sourceId && !known.has(account.sourceId))
        throw new RuleViolationError(
          "That source no longer exists or was merged; pick it again.",
          `transfers.${t}.accounts.${a}.sourceId`,
        );
}

/** Published counts rest on reviewed sources only, as citations do. */
export async function assertAccountSourcesReviewed(tx: Tx, developmentId: string): Promise<void> {
  const pending = await tx.transferAccount.findFirst({
    where: { transfer: { developmentId }, source: { status: "PROPOSED" } },
    select: { source: { select: { name: true } } },
  });
  if (pending)
    throw new RuleViolationError(
      `“${pending.source!.name}” is a proposed source that an admin has not reviewed yet; it can be published once approved.`,
      "transfers",
    );
}

/**
 * Refuses, unless confirmed, transfers that take an obligation beyond the most its
 * newest terms allow ("303 of 300"). Counts every transfer not archived, drafts included,
 * so the check holds whatever is published next.
 */
export async function assertWithinAgreed(tx: Tx, obligationIds: string[], confirmed: boolean): Promise<void> {
  if (obligationIds.length === 0 || confirmed) return;
  const obligations = await tx.obligation.findMany({
    where: { id: { in: [...new Set(obligationIds)] } },
    select: {
      id: true,
      phaseId: true,
      category: true,
      releasingActor: { select: { name: true } },
      transfers: {
        where: { OR: [{ developmentId: null }, { development: { archivedAt: null } }] },
        select: quantityColumnsSelect,
      },
    },
  });
  for (const o of obligations) {
    const latest = await tx.termsVersion.findFirst({
      where: { phaseId: o.phaseId, archivedAt: null, terms: { some: { obligationId: o.id } } },
      orderBy: { number: "desc" },
      select: {
        terms: {
          select: { obligationId: true, perUnit: true, perUnitOfId: true, withdrawn: true, ...quantityColumnsSelect },
        },
      },
    });
    if (!latest) continue;
    const agreed =
      resolveAgreed(
        latest.terms.map((t) => ({
          obligationId: t.obligationId,
          quantity: fromColumns(t),
          ratio: t.perUnit && t.perUnitOfId ? { perUnit: t.perUnit, perUnitOf: t.perUnitOfId } : null,
          withdrawn: t.withdrawn,
        })),
      ).get(o.id)?.agreed ?? null;
    const most = upperBound(agreed);
    const released = o.transfers.reduce((sum, t) => sum + (lowerBound(fromColumns(t)) ?? 0), 0);
    if (most !== null && released > most)
      throw new RuleViolationError(
        `This would record ${released} released of ${formatObligation(agreed, o.category)} agreed for ${o.releasingActor.name}. Tick “more than agreed” to confirm; readers will see it marked.`,
        "confirmOverAgreed",
      );
  }
}
