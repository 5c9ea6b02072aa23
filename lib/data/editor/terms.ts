import "server-only";
import { requireAccess } from "@/lib/auth/session";
import { toPartialDateString } from "@/lib/dates";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import type { CreateTermsVersionInput } from "@/lib/validation/terms";
import { writeAudit } from "../audit";
import { invalidateReaderData } from "./cache";
import { assertCitedSourcesReviewed, citationSnapshotSelect, writeCitations } from "./citations";
import { conflictAfter } from "./conflicts";

type Tx = Prisma.TransactionClient;

const termsSnapshotSelect = {
  id: true,
  negotiationId: true,
  number: true,
  phase: true,
  proposedOn: true,
  proposedPrecision: true,
  proposedById: true,
  status: true,
  summary: true,
  publication: true,
  version: true,
  negotiation: { select: { slug: true } },
  items: {
    orderBy: { position: "asc" },
    select: {
      releasingActorId: true,
      receivingActorId: true,
      countExact: true,
      countMin: true,
      countMax: true,
      countWording: true,
      category: true,
      description: true,
    },
  },
  citations: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: citationSnapshotSelect },
} satisfies Prisma.TermsVersionSelect;

async function snapshot(tx: Tx, id: string) {
  const row = await tx.termsVersion.findUnique({ where: { id }, select: termsSnapshotSelect });
  if (!row) throw new NotFoundError("That terms version does not exist.");
  const { negotiation, proposedOn, proposedPrecision, citations, ...rest } = row;
  return {
    row,
    slug: negotiation.slug,
    data: {
      ...rest,
      proposedOn: toPartialDateString(proposedOn, proposedPrecision),
      citations: citations.map((c) => ({ ...c, source: c.source.name })),
    },
  };
}

/**
 * A new version of the terms, starting as a draft. It supersedes the newest
 * existing version, which is kept, so the history of the proposal stays visible.
 */
export async function createTermsVersion(input: CreateTermsVersionInput): Promise<{ id: string; number: number }> {
  const user = await requireAccess("journalist");
  return db().$transaction(async (tx) => {
    const negotiation = await tx.negotiation.findFirst({
      where: { id: input.negotiationId, archivedAt: null },
      select: { id: true },
    });
    if (!negotiation) throw new NotFoundError("That negotiation does not exist or is archived.");
    const actorIds = new Set(
      input.items
        .flatMap((item) => [item.releasingActorId, item.receivingActorId])
        .concat(input.proposedById ? [input.proposedById] : []),
    );
    if ((await tx.actor.count({ where: { id: { in: [...actorIds] }, archivedAt: null } })) !== actorIds.size) {
      throw new RuleViolationError("One of the chosen actors no longer exists; pick again.", "items");
    }
    // Locks the negotiation's versions so two editors cannot both create "version 3".
    await tx.$queryRaw`SELECT id FROM "Negotiation" WHERE id = ${negotiation.id}::uuid FOR UPDATE`;
    const latest = await tx.termsVersion.findFirst({
      where: { negotiationId: negotiation.id },
      orderBy: { number: "desc" },
      select: { id: true, number: true },
    });
    const created = await tx.termsVersion.create({
      data: {
        negotiationId: negotiation.id,
        number: (latest?.number ?? 0) + 1,
        supersedesId: latest?.id,
        phase: input.phase || undefined,
        proposedOn: input.proposedOn.date,
        proposedPrecision: input.proposedOn.precision,
        proposedById: input.proposedById,
        status: input.status,
        summary: input.summary,
        items: {
          create: input.items.map((item, position) => ({
            position,
            releasingActorId: item.releasingActorId,
            receivingActorId: item.receivingActorId,
            countExact: item.count.exact,
            countMin: item.count.min,
            countMax: item.count.max,
            countWording: item.count.wording || undefined,
            category: item.category,
            description: item.description,
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
