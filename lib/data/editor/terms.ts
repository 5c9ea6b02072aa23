import "server-only";
import { requireAccess } from "@/lib/auth/session";
import { toPartialDateString } from "@/lib/dates";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import type { QuantityKind } from "@/lib/generated/prisma/enums";
import { fromColumns, quantityColumnsSelect, toColumns, upperBound, type QuantityColumns } from "@/lib/ledger/quantity";
import type { CreateTermsVersionInput, ObligationInput } from "@/lib/validation/terms";
import { writeAudit } from "../audit";
import { invalidateReaderData } from "./cache";
import { assertCitedSourcesReviewed, citationSnapshotSelect, writeCitations } from "./citations";
import { conflictAfter } from "./conflicts";
import { ensurePhase } from "./phases";

type Tx = Prisma.TransactionClient;

const termSnapshotSelect = {
  obligationId: true,
  position: true,
  ...quantityColumnsSelect,
  perUnit: true,
  perUnitOfId: true,
  description: true,
  withdrawn: true,
  obligation: { select: { releasingActorId: true, receivingActorId: true, category: true } },
  breakdowns: {
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { position: true, label: true, category: true, ...quantityColumnsSelect },
  },
} satisfies Prisma.ObligationTermSelect;

const termsSnapshotSelect = {
  id: true,
  negotiationId: true,
  phaseId: true,
  number: true,
  proposedOn: true,
  proposedPrecision: true,
  proposedById: true,
  status: true,
  summary: true,
  publication: true,
  supersedesId: true,
  version: true,
  negotiation: { select: { slug: true } },
  _count: { select: { developments: true } },
  supersededBy: { select: { id: true } },
  terms: { orderBy: [{ position: "asc" }, { id: "asc" }], select: termSnapshotSelect },
  citations: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: citationSnapshotSelect },
} satisfies Prisma.TermsVersionSelect;

async function snapshot(tx: Tx, id: string) {
  const row = await tx.termsVersion.findUnique({ where: { id }, select: termsSnapshotSelect });
  if (!row) throw new NotFoundError("That terms version does not exist.");
  const { negotiation, proposedOn, proposedPrecision, citations, _count, supersededBy, terms, ...rest } = row;
  return {
    row,
    slug: negotiation.slug,
    data: {
      ...rest,
      proposedOn: toPartialDateString(proposedOn, proposedPrecision),
      obligations: terms.map(({ obligation, ...term }) => ({ ...obligation, ...term })),
      citations: citations.map((c) => ({ ...c, source: c.source.name })),
    },
  };
}

type TermRow = Prisma.ObligationTermGetPayload<{ select: typeof termSnapshotSelect }>;

/** An obligation's term in the new version: carried over as it was, or as this submission restates it. */
type NewTerm = {
  obligationId: string;
  quantity: QuantityColumns;
  perUnit: number | null;
  perUnitOfId: string | null;
  description: string;
  withdrawn: boolean;
  breakdowns: Array<{
    label: string;
    category: TermRow["breakdowns"][number]["category"];
    quantity: QuantityColumns & { quantityKind: QuantityKind };
  }>;
};

function carried(term: TermRow): NewTerm {
  return {
    obligationId: term.obligationId,
    quantity: toColumns(fromColumns(term)),
    perUnit: term.perUnit,
    perUnitOfId: term.perUnitOfId,
    description: term.description,
    withdrawn: term.withdrawn,
    breakdowns: term.breakdowns.map((b) => ({
      label: b.label,
      category: b.category,
      quantity: toColumns(fromColumns(b)!),
    })),
  };
}

/**
 * A new version of one phase's terms, starting as a draft. Every obligation of the
 * phase's previous version is carried over (same identity, so progress recorded
 * against it stays), except those the submission restates or withdraws; new
 * obligations are added. The previous version is kept so readers can see the change.
 */
export async function createTermsVersion(input: CreateTermsVersionInput): Promise<{ id: string; number: number }> {
  const user = await requireAccess("journalist");
  return db().$transaction(async (tx) => {
    const negotiation = await tx.negotiation.findFirst({
      where: { id: input.negotiationId, archivedAt: null },
      select: { id: true },
    });
    if (!negotiation) throw new NotFoundError("That negotiation does not exist or is archived.");
    // Locks the negotiation's phases and versions so two editors cannot both create "version 3".
    await tx.$queryRaw`SELECT id FROM "Negotiation" WHERE id = ${negotiation.id}::uuid FOR UPDATE`;
    const phaseId = await ensurePhase(tx, negotiation.id, input.phaseId, input.newPhaseName, user.id);

    const latest = await tx.termsVersion.findFirst({
      where: { phaseId },
      orderBy: { number: "desc" },
      select: {
        id: true,
        number: true,
        terms: { orderBy: [{ position: "asc" }, { id: "asc" }], select: termSnapshotSelect },
      },
    });
    const phaseObligations = new Set(
      (await tx.obligation.findMany({ where: { phaseId }, select: { id: true } })).map((o) => o.id),
    );
    const terms = new Map<string, NewTerm>((latest?.terms ?? []).map((t) => [t.obligationId, carried(t)]));

    const actorIds = new Set(input.proposedById ? [input.proposedById] : []);
    for (const o of input.obligations) {
      if (o.releasingActorId) actorIds.add(o.releasingActorId);
      if (o.receivingActorId) actorIds.add(o.receivingActorId);
    }
    if ((await tx.actor.count({ where: { id: { in: [...actorIds] }, archivedAt: null } })) !== actorIds.size) {
      throw new RuleViolationError("One of the chosen actors no longer exists; pick again.", "obligations");
    }

    // New obligations first, so "#n" ratio references can be resolved to ids.
    const ids: string[] = [];
    for (const [index, o] of input.obligations.entries()) {
      if (o.obligationId) {
        if (!phaseObligations.has(o.obligationId))
          throw new RuleViolationError(
            "That obligation belongs to another phase or negotiation.",
            `obligations.${index}.obligationId`,
          );
        ids.push(o.obligationId);
        continue;
      }
      const created = await tx.obligation.create({
        data: {
          negotiationId: negotiation.id,
          phaseId,
          releasingActorId: o.releasingActorId!,
          receivingActorId: o.receivingActorId!,
          category: o.category!,
        },
        select: { id: true },
      });
      ids.push(created.id);
    }
    for (const [index, o] of input.obligations.entries()) {
      terms.set(ids[index]!, restated(o, index, ids, phaseObligations));
    }
    if ([...terms.values()].filter((t) => !t.withdrawn).length === 0 && !latest)
      throw new RuleViolationError("Terms need at least one obligation: who releases whom.", "obligations");
    for (const [id, term] of terms)
      assertRatio(
        id,
        term,
        terms,
        input.obligations.findIndex((_, i) => ids[i] === id),
      );

    const created = await tx.termsVersion.create({
      data: {
        negotiationId: negotiation.id,
        phaseId,
        number: (latest?.number ?? 0) + 1,
        supersedesId: latest?.id,
        proposedOn: input.proposedOn.date,
        proposedPrecision: input.proposedOn.precision,
        proposedById: input.proposedById,
        status: input.status,
        summary: input.summary,
        terms: {
          create: [...terms.values()].map((term, position) => ({
            obligationId: term.obligationId,
            position,
            ...term.quantity,
            perUnit: term.perUnit,
            perUnitOfId: term.perUnitOfId,
            description: term.description,
            withdrawn: term.withdrawn,
            breakdowns: {
              create: term.breakdowns.map((b, i) => ({
                position: i,
                label: b.label,
                category: b.category,
                ...b.quantity,
              })),
            },
          })),
        },
      },
      select: { id: true, number: true },
    });
    await writeCitations(tx, { termsVersionId: created.id }, input.citations, user.id, negotiation.id);
    const { data } = await snapshot(tx, created.id);
    await writeAudit(tx, {
      userId: user.id,
      action: "terms.create",
      entityType: "TermsVersion",
      entityId: created.id,
      negotiationId: negotiation.id,
      after: data,
    });
    return created;
  });
}

function restated(o: ObligationInput, index: number, ids: string[], phaseObligations: Set<string>): NewTerm {
  let perUnitOfId: string | null = null;
  if (o.perUnitOf) {
    perUnitOfId = o.perUnitOf.startsWith("#") ? (ids[Number(o.perUnitOf.slice(1))] ?? null) : o.perUnitOf;
    if (!perUnitOfId || (!o.perUnitOf.startsWith("#") && !phaseObligations.has(perUnitOfId)))
      throw new RuleViolationError(
        "Count the ratio against an obligation of the same phase.",
        `obligations.${index}.perUnitOf`,
      );
  }
  const whole = o.quantity ? upperBound(o.quantity) : null;
  for (const [b, part] of o.breakdowns.entries()) {
    const most = upperBound(part.quantity);
    if (whole !== null && most !== null && most > whole)
      throw new RuleViolationError(
        "A part cannot be larger than the whole obligation.",
        `obligations.${index}.breakdowns.${b}.quantity.value`,
      );
  }
  return {
    obligationId: ids[index]!,
    quantity: toColumns(o.quantity ?? null),
    perUnit: o.perUnit ?? null,
    perUnitOfId,
    description: o.description,
    withdrawn: o.withdrawn,
    breakdowns: o.breakdowns.map((b) => ({
      label: b.label,
      category: b.category ?? null,
      quantity: toColumns(b.quantity),
    })),
  };
}

/** A ratio must point at another obligation that this version still states. */
function assertRatio(id: string, term: NewTerm, terms: Map<string, NewTerm>, index: number) {
  if (!term.perUnitOfId || term.withdrawn) return;
  const field = index >= 0 ? `obligations.${index}.perUnitOf` : "obligations";
  const base = terms.get(term.perUnitOfId);
  if (term.perUnitOfId === id)
    throw new RuleViolationError("An obligation cannot be counted per unit of itself.", field);
  if (!base || base.withdrawn)
    throw new RuleViolationError("The ratio's base obligation is not part of these terms.", field);
}

export async function setTermsPublication(input: {
  termsVersionId: string;
  version: number;
  publish: boolean;
}): Promise<{ version: number }> {
  const user = await requireAccess("journalist");
  const result = await db().$transaction(async (tx) => {
    const before = await snapshot(tx, input.termsVersionId);
    if (input.publish && before.row.citations.length === 0) {
      throw new RuleViolationError("Cite at least one source for these terms before publishing them.", "citations");
    }
    if (input.publish) await assertCitedSourcesReviewed(tx, { termsVersionId: input.termsVersionId });
    const { count } = await tx.termsVersion.updateMany({
      where: { id: input.termsVersionId, version: input.version },
      data: {
        publication: input.publish ? "PUBLISHED" : "DRAFT",
        publishedAt: input.publish ? new Date() : null,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw await conflictAfter(tx, "TermsVersion", input.termsVersionId, input.version);
    await tx.negotiation.update({ where: { id: before.row.negotiationId }, data: { updatedAt: new Date() } });
    const after = await snapshot(tx, input.termsVersionId);
    await writeAudit(tx, {
      userId: user.id,
      action: input.publish ? "terms.publish" : "terms.unpublish",
      entityType: "TermsVersion",
      entityId: input.termsVersionId,
      negotiationId: before.row.negotiationId,
      before: before.data,
      after: after.data,
    });
    return { slug: before.slug, version: after.row.version };
  });
  invalidateReaderData(result.slug);
  return { version: result.version };
}

/**
 * Throws away a mistaken draft version: only the newest of its phase, never published,
 * and not linked from a development. Obligations it introduced go with it when nothing
 * else refers to them. The audit keeps what it said.
 */
export async function discardTermsVersion(input: { termsVersionId: string; version: number }): Promise<void> {
  const user = await requireAccess("journalist");
  await db().$transaction(async (tx) => {
    const before = await snapshot(tx, input.termsVersionId);
    const row = before.row;
    if (row.version !== input.version) throw await conflictAfter(tx, "TermsVersion", row.id, input.version);
    if (row.publication !== "DRAFT")
      throw new RuleViolationError("Readers have seen this version: unpublish it first, or publish a new version.");
    if (row.supersededBy)
      throw new RuleViolationError("A newer version follows this one; only the newest draft can be discarded.");
    if (row._count.developments > 0)
      throw new RuleViolationError("A development refers to this version; unlink it first.");
    const introduced = row.terms.map((t) => t.obligationId);
    await tx.citation.deleteMany({ where: { termsVersionId: row.id } });
    await tx.termsVersion.delete({ where: { id: row.id } });
    await tx.obligation.deleteMany({
      where: { id: { in: introduced }, terms: { none: {} }, transfers: { none: {} }, ratioBases: { none: {} } },
    });
    await writeAudit(tx, {
      userId: user.id,
      action: "terms.discard",
      entityType: "TermsVersion",
      entityId: row.id,
      negotiationId: row.negotiationId,
      before: before.data,
    });
  });
}
