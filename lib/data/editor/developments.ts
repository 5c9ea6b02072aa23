import "server-only";
import { requireAccess } from "@/lib/auth/session";
import { toPartialDateString } from "@/lib/dates";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import type { CreateDevelopmentInput, UpdateDevelopmentInput } from "@/lib/validation/development";
import { writeAudit } from "../audit";
import { invalidateReaderData } from "./cache";
import { assertCitedSourcesReviewed, citationSnapshotSelect, writeCitations } from "./citations";
import { conflictAfter } from "./conflicts";
import {
  assertAccountSourcesReviewed,
  assertWithinAgreed,
  transferSnapshot,
  transferSnapshotSelect,
  writeTransfers,
} from "./transfers";

type Tx = Prisma.TransactionClient;

const snapshotSelect = {
  id: true,
  negotiationId: true,
  title: true,
  summary: true,
  kind: true,
  occurredOn: true,
  occurredPrecision: true,
  publication: true,
  archivedAt: true,
  keyEvent: true,
  place: true,
  placeCountry: true,
  placeLatitude: true,
  placeLongitude: true,
  version: true,
  actors: { select: { actorId: true }, orderBy: { actorId: "asc" } },
  citations: { select: citationSnapshotSelect, orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
  transfers: { select: transferSnapshotSelect, orderBy: [{ position: "asc" }, { id: "asc" }] },
  stageChange: { select: { id: true, stage: true } },
  negotiation: { select: { slug: true } },
} satisfies Prisma.DevelopmentSelect;

type DevelopmentRow = Prisma.DevelopmentGetPayload<{ select: typeof snapshotSelect }>;

/** The editable facts of a development as stored in its revisions (audit before/after). */
export function developmentSnapshot(row: DevelopmentRow) {
  return {
    title: row.title,
    summary: row.summary,
    kind: row.kind,
    occurredOn: toPartialDateString(row.occurredOn, row.occurredPrecision),
    publication: row.publication,
    archived: row.archivedAt !== null,
    actorIds: row.actors.map((a) => a.actorId),
    citations: row.citations.map((c) => ({
      sourceId: c.sourceId,
      sourceName: c.source.name,
      viaSourceId: c.viaSourceId,
      attribution: c.attribution,
      url: c.url,
      excerpt: c.excerpt,
      publishedOn: c.publishedOn ? toPartialDateString(c.publishedOn, "DAY") : null,
      assessment: c.assessment,
    })),
    stageChange: row.stageChange?.stage ?? null,
    transfers: row.transfers.map(transferSnapshot),
    keyEvent: row.keyEvent,
    place: row.place,
    placeCountry: row.placeCountry,
    placeLatitude: row.placeLatitude,
    placeLongitude: row.placeLongitude,
    version: row.version,
  };
}

export type DevelopmentSnapshot = ReturnType<typeof developmentSnapshot>;

/**
 * Fields whose change alters what readers were told; editing them after publication needs a correction.
 * Not facts: the key-event mark (emphasis) and a place's country and coordinates (where the map puts it).
 */
const FACT_FIELDS = [
  "place",
  "title",
  "summary",
  "kind",
  "occurredOn",
  "actorIds",
  "citations",
  "stageChange",
  "transfers",
] as const;

/** A field as readers see it: a citation's later assessment is newsroom bookkeeping, not a fact change. */
function readerFacing(snapshot: DevelopmentSnapshot, field: (typeof FACT_FIELDS)[number]) {
  if (field === "citations") return snapshot.citations.map(({ assessment: _assessment, ...citation }) => citation);
  if (field === "transfers")
    return snapshot.transfers.map(
      ({ placeCountry: _country, placeLatitude: _latitude, placeLongitude: _longitude, ...transfer }) => transfer,
    );
  return snapshot[field];
}

/** The editable columns beyond the facts' text: the key-event mark and the structured place. */
function placeColumns(input: CreateDevelopmentInput | UpdateDevelopmentInput) {
  return {
    keyEvent: input.keyEvent,
    place: input.place,
    placeCountry: input.placeCountry ?? null,
    placeLatitude: input.placeLatitude ?? null,
    placeLongitude: input.placeLongitude ?? null,
  };
}

async function loadForUpdate(tx: Tx, id: string): Promise<DevelopmentRow> {
  const row = await tx.development.findUnique({ where: { id }, select: snapshotSelect });
  if (!row) throw new NotFoundError("That development does not exist.");
  return row;
}

/** Bumps the version only if nobody else did first; otherwise explains who changed what. */
async function claimVersion(
  tx: Tx,
  id: string,
  expectedVersion: number,
  data: Prisma.DevelopmentUncheckedUpdateManyInput = {},
) {
  const { count } = await tx.development.updateMany({
    where: { id, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw await conflictAfter(tx, "Development", id, expectedVersion);
}

async function assertActorsExist(tx: Tx, actorIds: string[]) {
  if (actorIds.length === 0) return;
  const found = await tx.actor.count({ where: { id: { in: actorIds }, archivedAt: null } });
  if (found !== new Set(actorIds).size)
    throw new RuleViolationError("One of the linked actors no longer exists; pick again.", "actorIds");
}

/**
 * The negotiation's stage is the latest stage change readers can see: one not
 * tied to a development, or tied to a published one. Recomputed whenever a
 * development's visibility changes, so a draft can never move the public stage.
 */
export async function syncNegotiationStage(tx: Tx, negotiationId: string, userId: string): Promise<void> {
  // Latest by the date it took effect (undated rows, such as the stage at creation, come
  // first), ties by recording order: a back-dated development takes effect at its date.
  const latest = await tx.stageChange.findFirst({
    where: {
      negotiationId,
      OR: [{ developmentId: null }, { development: { publication: "PUBLISHED", archivedAt: null } }],
    },
    orderBy: [{ effectiveOn: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    select: { stage: true },
  });
  const negotiation = await tx.negotiation.findUniqueOrThrow({
    where: { id: negotiationId },
    select: { stage: true, version: true },
  });
  if (!latest || latest.stage === negotiation.stage) return;
  await tx.negotiation.update({
    where: { id: negotiationId },
    data: { stage: latest.stage, version: { increment: 1 } },
  });
  await writeAudit(tx, {
    userId,
    action: "negotiation.stage.sync",
    entityType: "Negotiation",
    entityId: negotiationId,
    negotiationId,
    before: { stage: negotiation.stage, version: negotiation.version },
    after: { stage: latest.stage, version: negotiation.version + 1 },
  });
}

/** The rules for what readers may see: at least one citation, reviewed sources, and whether it rests on one anonymous source. */
async function publishability(tx: Tx, row: DevelopmentRow): Promise<{ singleAnonymousSource: boolean }> {
  if (row.citations.length === 0)
    throw new RuleViolationError(
      "Add at least one citation before publishing: readers must see how we know.",
      "citations",
    );
  await assertCitedSourcesReviewed(tx, { developmentId: row.id });
  await assertAccountSourcesReviewed(tx, row.id);
  const distinctSources = new Set(row.citations.map((c) => c.sourceId));
  return { singleAnonymousSource: distinctSources.size === 1 && row.citations[0]!.source.kind === "ANONYMOUS" };
}

export async function createDevelopment(input: CreateDevelopmentInput): Promise<{ id: string }> {
  const user = await requireAccess("journalist");
  return db().$transaction(async (tx) => {
    const negotiation = await tx.negotiation.findFirst({
      where: { id: input.negotiationId, archivedAt: null },
      select: { id: true },
    });
    if (!negotiation) throw new NotFoundError("That negotiation does not exist or is archived.");
    await assertActorsExist(tx, input.actorIds);
    const created = await tx.development.create({
      data: {
        negotiationId: negotiation.id,
        occurredOn: input.occurredOn.date,
        occurredPrecision: input.occurredOn.precision,
        reportedAt: new Date(),
        title: input.title,
        summary: input.summary,
        kind: input.kind,
        ...placeColumns(input),
        createdById: user.id,
        actors: { create: [...new Set(input.actorIds)].map((actorId) => ({ actorId })) },
      },
      select: { id: true },
    });
    await writeCitations(tx, { developmentId: created.id }, input.citations, user.id, negotiation.id);
    if (input.stageChange) {
      // Takes effect for readers (and on the negotiation) when the development is published.
      await tx.stageChange.create({
        data: {
          negotiationId: negotiation.id,
          stage: input.stageChange,
          effectiveOn: input.occurredOn.date,
          effectivePrecision: input.occurredOn.precision,
          developmentId: created.id,
        },
      });
    }
    await writeTransfers(tx, created.id, negotiation.id, input.transfers);
    await assertWithinAgreed(
      tx,
      input.transfers.map((t) => t.obligationId),
      input.confirmOverAgreed,
    );
    const after = developmentSnapshot(await loadForUpdate(tx, created.id));
    await writeAudit(tx, {
      userId: user.id,
      action: "development.create",
      entityType: "Development",
      entityId: created.id,
      negotiationId: negotiation.id,
      after: { ...after, confirmOverAgreed: input.confirmOverAgreed || undefined },
    });
    return created;
  });
}

/**
 * A development's stage change is kept, updated in place (so its recording order stays) or
 * removed, and always dated as the development: a corrected date moves it too.
 */
async function writeStageChange(tx: Tx, current: DevelopmentRow, input: UpdateDevelopmentInput) {
  if (!input.stageChange) {
    if (current.stageChange) await tx.stageChange.delete({ where: { id: current.stageChange.id } });
    return;
  }
  const data = {
    stage: input.stageChange,
    effectiveOn: input.occurredOn.date,
    effectivePrecision: input.occurredOn.precision,
  };
  if (current.stageChange) await tx.stageChange.update({ where: { id: current.stageChange.id }, data });
  else
    await tx.stageChange.create({ data: { ...data, negotiationId: current.negotiationId, developmentId: current.id } });
}

export async function updateDevelopment(
  input: UpdateDevelopmentInput,
): Promise<{ version: number; corrected: boolean }> {
  const user = await requireAccess("journalist");
  const result = await db().$transaction(async (tx) => {
    const current = await loadForUpdate(tx, input.developmentId);
    if (current.version !== input.version) throw await conflictAfter(tx, "Development", current.id, input.version);
    await assertActorsExist(tx, input.actorIds);
    const before = developmentSnapshot(current);

    await claimVersion(tx, current.id, input.version, {
      title: input.title,
      summary: input.summary,
      kind: input.kind,
      occurredOn: input.occurredOn.date,
      occurredPrecision: input.occurredOn.precision,
      ...placeColumns(input),
    });
    await tx.developmentActor.deleteMany({ where: { developmentId: current.id } });
    await tx.developmentActor.createMany({
      data: [...new Set(input.actorIds)].map((actorId) => ({ developmentId: current.id, actorId })),
    });
    // Citations and transfers are replaced as a whole; the previous sets stay in the revision history.
    await tx.citation.deleteMany({ where: { developmentId: current.id } });
    await writeCitations(tx, { developmentId: current.id }, input.citations, user.id, current.negotiationId);
    await writeTransfers(tx, current.id, current.negotiationId, input.transfers);
    await assertWithinAgreed(
      tx,
      [...input.transfers.map((t) => t.obligationId), ...current.transfers.map((t) => t.obligationId)],
      input.confirmOverAgreed,
    );
    await writeStageChange(tx, current, input);

    let updated = await loadForUpdate(tx, current.id);
    if (current.publication === "PUBLISHED") {
      // A published development must stay publishable after the edit; its marking follows its sources.
      const { singleAnonymousSource } = await publishability(tx, updated);
      await tx.development.update({ where: { id: current.id }, data: { singleAnonymousSource } });
      updated = await loadForUpdate(tx, current.id);
    }
    const after = developmentSnapshot(updated);
    const factsChanged = FACT_FIELDS.some(
      (field) => JSON.stringify(readerFacing(before, field)) !== JSON.stringify(readerFacing(after, field)),
    );
    const published = current.publication === "PUBLISHED";
    if (published && factsChanged && !input.typoOnly && !input.correctionNote) {
      throw new RuleViolationError(
        "This development is published: explain the change in a public correction note, or tick “typo fix only” if no fact changed.",
        "correctionNote",
      );
    }
    const corrected = published && factsChanged && !input.typoOnly;
    if (corrected)
      await tx.correction.create({
        data: { developmentId: current.id, note: input.correctionNote, correctedById: user.id },
      });
    await writeAudit(tx, {
      userId: user.id,
      action: corrected ? "development.correct" : "development.update",
      entityType: "Development",
      entityId: current.id,
      negotiationId: current.negotiationId,
      before,
      after: {
        ...after,
        correctionNote: corrected ? input.correctionNote : undefined,
        typoOnly: input.typoOnly || undefined,
      },
    });
    if (published) await syncNegotiationStage(tx, current.negotiationId, user.id);
    return { version: updated.version, corrected, published, slug: current.negotiation.slug };
  });
  if (result.published) invalidateReaderData(result.slug);
  return { version: result.version, corrected: result.corrected };
}

export async function setDevelopmentPublication(input: {
  developmentId: string;
  version: number;
  publish: boolean;
  confirmSingleAnonymous: boolean;
}) {
  const user = await requireAccess("journalist");
  const result = await db().$transaction(async (tx) => {
    const current = await loadForUpdate(tx, input.developmentId);
    if (current.version !== input.version) throw await conflictAfter(tx, "Development", current.id, input.version);
    if (current.archivedAt && input.publish)
      throw new RuleViolationError("Restore this development from the archive before publishing it.");
    let singleAnonymousSource = false;
    if (input.publish) {
      ({ singleAnonymousSource } = await publishability(tx, current));
      if (singleAnonymousSource && !input.confirmSingleAnonymous) {
        throw new RuleViolationError(
          "This rests on a single anonymous source. Confirm to publish it; readers will see it marked as such.",
          "confirmSingleAnonymous",
        );
      }
    }
    const before = developmentSnapshot(current);
    await claimVersion(tx, current.id, input.version, {
      publication: input.publish ? "PUBLISHED" : "DRAFT",
      publishedAt: input.publish ? new Date() : null,
      singleAnonymousSource,
    });
    await syncNegotiationStage(tx, current.negotiationId, user.id);
    await tx.negotiation.update({ where: { id: current.negotiationId }, data: { updatedAt: new Date() } });
    const after = developmentSnapshot(await loadForUpdate(tx, current.id));
    await writeAudit(tx, {
      userId: user.id,
      action: input.publish ? "development.publish" : "development.unpublish",
      entityType: "Development",
      entityId: current.id,
      negotiationId: current.negotiationId,
      before,
      after,
    });
    return { slug: current.negotiation.slug, version: after.version };
  });
  invalidateReaderData(result.slug);
  return { version: result.version };
}

/** Nothing is deleted from the editor: archiving hides a development everywhere, and restoring brings it back as a draft. */
export async function setDevelopmentArchived(input: { developmentId: string; version: number; archived: boolean }) {
  const user = await requireAccess("journalist");
  const result = await db().$transaction(async (tx) => {
    const current = await loadForUpdate(tx, input.developmentId);
    const before = developmentSnapshot(current);
    await claimVersion(
      tx,
      current.id,
      input.version,
      input.archived ? { archivedAt: new Date(), publication: "DRAFT", publishedAt: null } : { archivedAt: null },
    );
    await syncNegotiationStage(tx, current.negotiationId, user.id);
    const after = developmentSnapshot(await loadForUpdate(tx, current.id));
    await writeAudit(tx, {
      userId: user.id,
      action: input.archived ? "development.archive" : "development.restore",
      entityType: "Development",
      entityId: current.id,
      negotiationId: current.negotiationId,
      before,
      after,
    });
    return {
      slug: current.negotiation.slug,
      wasPublished: current.publication === "PUBLISHED",
      version: after.version,
    };
  });
  if (result.wasPublished) invalidateReaderData(result.slug);
  return { version: result.version };
}
