import "server-only";
import { requireAccess } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { uniqueSlug } from "@/lib/slug";
import { likeLiteral } from "@/lib/validation/common";
import type { CreateSourceInput, SourceListQuery, UpdateSourceInput } from "@/lib/validation/source";
import { writeAudit } from "../audit";
import { invalidateReaderData, invalidateSourcePages } from "../editor/cache";
import { conflictAfter } from "../editor/conflicts";

type Tx = Prisma.TransactionClient;

export const SOURCES_PAGE_SIZE = 50;

const publicFields = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  url: true,
  language: true,
  publicDescription: true,
  reliability: true,
  ratingRationale: true,
  status: true,
  mergedIntoId: true,
  version: true,
} as const;

/** What the audit keeps of a source: public fields, and only *whether* confidential fields changed. */
function auditView(row: Prisma.SourceGetPayload<{ select: typeof publicFields }>, confidentialChanged = false) {
  return { ...row, ...(confidentialChanged ? { confidentialFields: "changed (content not recorded)" } : {}) };
}

const orderings: Record<SourceListQuery["sort"], Prisma.SourceOrderByWithRelationInput[]> = {
  name: [{ name: "asc" }, { id: "asc" }],
  updated: [{ updatedAt: "desc" }, { id: "asc" }],
  rating: [{ reliability: "asc" }, { name: "asc" }],
  citations: [{ citations: { _count: "desc" } }, { name: "asc" }],
};

export async function listSourcesForAdmin(query: SourceListQuery) {
  await requireAccess("admin");
  const where: Prisma.SourceWhereInput = {
    ...(query.q ? { name: { contains: likeLiteral(query.q), mode: "insensitive" } } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.rating ? { reliability: query.rating } : {}),
    ...(query.status ? { status: query.status } : {}),
  };
  const [total, rows] = await Promise.all([
    db().source.count({ where }),
    db().source.findMany({
      where,
      orderBy: orderings[query.sort],
      skip: (query.page - 1) * SOURCES_PAGE_SIZE,
      take: SOURCES_PAGE_SIZE,
      select: {
        ...publicFields,
        updatedAt: true,
        mergedInto: { select: { name: true } },
        _count: { select: { citations: true, relayed: true } },
      },
    }),
  ]);
  return { total, rows, pageCount: Math.max(1, Math.ceil(total / SOURCES_PAGE_SIZE)) };
}

/** A source with its staff-only notes and where it is cited: staff only. */
export async function getSourceForStaff(sourceId: string) {
  await requireAccess("journalist");
  const source = await db().source.findUnique({
    where: { id: sourceId },
    select: {
      ...publicFields,
      mergedInto: { select: { id: true, name: true } },
      confidential: { select: { notes: true, contactConditions: true } },
      _count: { select: { citations: true, relayed: true } },
      citations: {
        take: 50,
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          attribution: true,
          development: {
            select: { id: true, title: true, publication: true, negotiation: { select: { title: true } } },
          },
          termsVersion: { select: { number: true, negotiation: { select: { title: true } } } },
        },
      },
    },
  });
  if (!source) throw new NotFoundError("That source does not exist.");
  const assessments = await db().citation.groupBy({ by: ["assessment"], where: { sourceId }, _count: true });
  const count = (value: string) => assessments.find((a) => a.assessment === value)?._count ?? 0;
  return {
    ...source,
    trackRecord: {
      corroborated: count("CORROBORATED"),
      contradicted: count("CONTRADICTED"),
      unassessed: count("UNASSESSED"),
    },
  };
}

export async function createSource(input: CreateSourceInput): Promise<{ id: string }> {
  const admin = await requireAccess("admin");
  return db().$transaction(async (tx) => {
    const { confidentialNotes, contactConditions, ...fields } = input;
    const created = await tx.source.create({
      data: {
        ...fields,
        slug: uniqueSlug(input.name, "source"),
        status: "ACTIVE",
        confidential: { create: { notes: confidentialNotes, contactConditions } },
      },
      select: publicFields,
    });
    await writeAudit(tx, {
      userId: admin.id,
      action: "source.create",
      entityType: "Source",
      entityId: created.id,
      after: auditView(created, Boolean(confidentialNotes || contactConditions)),
    });
    return { id: created.id };
  });
}

export async function updateSource(input: UpdateSourceInput): Promise<{ version: number }> {
  const admin = await requireAccess("admin");
  const result = await db().$transaction(async (tx) => {
    const before = await tx.source.findUnique({
      where: { id: input.sourceId },
      select: { ...publicFields, confidential: { select: { notes: true, contactConditions: true } } },
    });
    if (!before) throw new NotFoundError("That source does not exist.");
    const { sourceId, version, confidentialNotes, contactConditions, ...fields } = input;
    const { count } = await tx.source.updateMany({
      where: { id: sourceId, version },
      data: { ...fields, url: fields.url ?? null, language: fields.language ?? null, version: { increment: 1 } },
    });
    if (count === 0) throw await conflictAfter(tx, "Source", sourceId, version);
    await tx.sourceConfidential.upsert({
      where: { sourceId },
      create: { sourceId, notes: confidentialNotes, contactConditions },
      update: { notes: confidentialNotes, contactConditions },
    });
    const after = await tx.source.findUniqueOrThrow({ where: { id: sourceId }, select: publicFields });
    const confidentialChanged =
      before.confidential?.notes !== confidentialNotes || before.confidential?.contactConditions !== contactConditions;
    const { confidential: _confidential, ...beforePublic } = before;
    await writeAudit(tx, {
      userId: admin.id,
      action: "source.update",
      entityType: "Source",
      entityId: sourceId,
      before: beforePublic,
      after: auditView(after, confidentialChanged),
    });
    return { version: after.version, slug: after.slug };
  });
  invalidateSourcePages([result.slug], { list: true });
  return { version: result.version };
}

/** Approve a proposed source, archive or restore one, or delete one that nothing cites. */
export async function changeSourceState(input: {
  sourceId: string;
  version: number;
  action: "approve" | "archive" | "restore" | "delete";
}): Promise<void> {
  const admin = await requireAccess("admin");
  const slug = await db().$transaction(async (tx) => {
    const before = await tx.source.findUnique({
      where: { id: input.sourceId },
      select: { ...publicFields, _count: { select: { citations: true, relayed: true } } },
    });
    if (!before) throw new NotFoundError("That source does not exist.");
    const { _count, ...beforeRow } = before;
    if (input.action === "delete") {
      if (_count.citations + _count.relayed > 0)
        throw new RuleViolationError("This source is cited, so it can only be archived, not deleted.");
      if (before.version !== input.version) throw await conflictAfter(tx, "Source", before.id, input.version);
      await tx.source.delete({ where: { id: before.id } });
      await writeAudit(tx, {
        userId: admin.id,
        action: "source.delete",
        entityType: "Source",
        entityId: before.id,
        before: auditView(beforeRow),
      });
      return before.slug;
    }
    if (before.mergedIntoId)
      throw new RuleViolationError("This source was merged into another; edit that one instead.");
    const status = input.action === "archive" ? "ARCHIVED" : "ACTIVE";
    if (input.action === "approve" && before.status !== "PROPOSED")
      throw new RuleViolationError("Only proposed sources wait for approval.");
    const { count } = await tx.source.updateMany({
      where: { id: before.id, version: input.version },
      data: { status, version: { increment: 1 } },
    });
    if (count === 0) throw await conflictAfter(tx, "Source", before.id, input.version);
    const after = await tx.source.findUniqueOrThrow({ where: { id: before.id }, select: publicFields });
    await writeAudit(tx, {
      userId: admin.id,
      action: `source.${input.action}`,
      entityType: "Source",
      entityId: before.id,
      before: auditView(beforeRow),
      after: auditView(after),
    });
    return before.slug;
  });
  invalidateSourcePages([slug]);
}

/**
 * Moves every citation of a duplicate to the surviving source in one
 * transaction; the duplicate stays as an archived alias that redirects.
 */
export async function mergeSources(input: {
  sourceId: string;
  version: number;
  intoSourceId: string;
}): Promise<{ moved: number }> {
  const admin = await requireAccess("admin");
  if (input.sourceId === input.intoSourceId)
    throw new RuleViolationError("A source cannot be merged into itself.", "intoSourceId");
  const result = await db().$transaction(async (tx: Tx) => {
    // Both rows locked in a fixed order, so concurrent merges or citations cannot interleave.
    await tx.$queryRaw`SELECT id FROM "Source" WHERE id IN (${input.sourceId}::uuid, ${input.intoSourceId}::uuid) ORDER BY id FOR UPDATE`;
    const [duplicate, survivor] = await Promise.all([
      tx.source.findUnique({ where: { id: input.sourceId }, select: publicFields }),
      tx.source.findUnique({ where: { id: input.intoSourceId }, select: publicFields }),
    ]);
    if (!duplicate) throw new NotFoundError("That source does not exist.");
    if (!survivor) throw new RuleViolationError("The source to keep does not exist.", "intoSourceId");
    if (duplicate.mergedIntoId) throw new RuleViolationError("This source was already merged.");
    if (survivor.status === "ARCHIVED" || survivor.mergedIntoId)
      throw new RuleViolationError("Merge into an active source, not an archived or merged one.", "intoSourceId");
    // A proposed source is unreviewed and hidden from readers; receiving published
    // citations through a merge would publish it without anyone reviewing it.
    if (survivor.status === "PROPOSED")
      throw new RuleViolationError(
        "The source to keep is still proposed: review and approve it first, then merge.",
        "intoSourceId",
      );
    if (duplicate.version !== input.version) throw await conflictAfter(tx, "Source", duplicate.id, input.version);

    // A citation "X via Y" where both become the survivor would cite it via itself.
    await tx.citation.updateMany({
      where: { sourceId: survivor.id, viaSourceId: duplicate.id },
      data: { viaSourceId: null },
    });
    await tx.citation.updateMany({
      where: { sourceId: duplicate.id, viaSourceId: survivor.id },
      data: { viaSourceId: null },
    });
    const asSource = await tx.citation.updateMany({
      where: { sourceId: duplicate.id },
      data: { sourceId: survivor.id },
    });
    const asVia = await tx.citation.updateMany({
      where: { viaSourceId: duplicate.id },
      data: { viaSourceId: survivor.id },
    });
    await tx.source.updateMany({ where: { mergedIntoId: duplicate.id }, data: { mergedIntoId: survivor.id } });
    await tx.source.update({
      where: { id: duplicate.id },
      data: { status: "ARCHIVED", mergedIntoId: survivor.id, version: { increment: 1 } },
    });
    const after = await tx.source.findUniqueOrThrow({ where: { id: duplicate.id }, select: publicFields });
    await writeAudit(tx, {
      userId: admin.id,
      action: "source.merge",
      entityType: "Source",
      entityId: duplicate.id,
      before: auditView(duplicate),
      after: { ...auditView(after), movedCitations: asSource.count + asVia.count },
    });
    await writeAudit(tx, {
      userId: admin.id,
      action: "source.merge.receive",
      entityType: "Source",
      entityId: survivor.id,
      after: { mergedFrom: duplicate.id, movedCitations: asSource.count + asVia.count },
    });
    const negotiations = await tx.negotiation.findMany({
      where: {
        developments: {
          some: { citations: { some: { OR: [{ sourceId: survivor.id }, { viaSourceId: survivor.id }] } } },
        },
      },
      select: { slug: true },
    });
    return {
      moved: asSource.count + asVia.count,
      slugs: [duplicate.slug, survivor.slug],
      negotiations: negotiations.map((n) => n.slug),
    };
  });
  for (const slug of result.negotiations) invalidateReaderData(slug, result.slugs);
  invalidateSourcePages(result.slugs);
  return { moved: result.moved };
}

/**
 * Sources waiting for review: for admins every proposed source; for journalists the ones they
 * proposed themselves (who proposed a source is known from its `source.propose` audit row).
 */
export async function reviewQueueCount(): Promise<{ count: number; mine: boolean }> {
  const user = await requireAccess("journalist");
  if (user.role === "ADMIN") return { count: await db().source.count({ where: { status: "PROPOSED" } }), mine: false };
  const proposed = await db().auditEntry.findMany({
    where: { userId: user.id, action: "source.propose", entityType: "Source" },
    select: { entityId: true },
  });
  const ids = proposed.map((p) => p.entityId);
  if (ids.length === 0) return { count: 0, mine: true };
  return { count: await db().source.count({ where: { status: "PROPOSED", id: { in: ids } } }), mine: true };
}
