import "server-only";
import { requireAccess } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { uniqueSlug } from "@/lib/slug";
import { toColumns } from "@/lib/ledger/quantity";
import type {
  AddFigureClaimInput,
  AddParticipantInput,
  CreateNegotiationInput,
  UpdateNegotiationInput,
} from "@/lib/validation/negotiation";
import { writeAudit } from "../audit";
import { invalidateReaderData } from "./cache";
import { assertCitedSourcesReviewed, writeCitations } from "./citations";
import { conflictAfter } from "./conflicts";

type Tx = Prisma.TransactionClient;

/** A readable address from the title ("gaza-hostages-phase-2"); journalists can edit it. */
export function slugFrom(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 100);
  return slug.length >= 2 ? slug : uniqueSlug("", "negotiation");
}

const negotiationSnapshot = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  region: true,
  country: true,
  stage: true,
  publication: true,
  archivedAt: true,
  version: true,
} as const;

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function createNegotiation(input: CreateNegotiationInput): Promise<{ id: string }> {
  const user = await requireAccess("journalist");
  const slug = input.slug ?? slugFrom(input.title);
  try {
    return await db().$transaction(async (tx) => {
      const created = await tx.negotiation.create({
        data: {
          slug,
          title: input.title,
          summary: input.summary,
          region: input.region,
          country: input.country,
          stage: input.stage,
        },
        select: negotiationSnapshot,
      });
      // Undated: the stage it was entered at sorts before every dated event, so developments
      // back-dated later still decide the current stage.
      await tx.stageChange.create({
        data: { negotiationId: created.id, stage: input.stage, effectiveOn: null, note: "Tracking started." },
      });
      await writeAudit(tx, {
        userId: user.id,
        action: "negotiation.create",
        entityType: "Negotiation",
        entityId: created.id,
        negotiationId: created.id,
        after: created,
      });
      return { id: created.id };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new RuleViolationError("Another negotiation already uses this address; choose a different slug.", "slug");
    throw error;
  }
}

function today(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export async function updateNegotiation(input: UpdateNegotiationInput): Promise<{ version: number }> {
  const user = await requireAccess("journalist");
  try {
    const result = await db().$transaction(async (tx) => {
      const before = await tx.negotiation.findUnique({
        where: { id: input.negotiationId },
        select: negotiationSnapshot,
      });
      if (!before) throw new NotFoundError("That negotiation does not exist.");
      const slug = input.slug ?? before.slug;
      if (slug !== before.slug && before.publication === "PUBLISHED") {
        throw new RuleViolationError(
          "Readers and other sites link to this address; it cannot change while the negotiation is published.",
          "slug",
        );
      }
      const { count } = await tx.negotiation.updateMany({
        where: { id: input.negotiationId, version: input.version },
        data: {
          slug,
          title: input.title,
          summary: input.summary,
          region: input.region,
          country: input.country,
          stage: input.stage,
          version: { increment: 1 },
        },
      });
      if (count === 0) throw await conflictAfter(tx, "Negotiation", input.negotiationId, input.version);
      if (input.stage !== before.stage) {
        await tx.stageChange.create({ data: { negotiationId: before.id, stage: input.stage, effectiveOn: today() } });
      }
      const after = await tx.negotiation.findUniqueOrThrow({ where: { id: before.id }, select: negotiationSnapshot });
      await writeAudit(tx, {
        userId: user.id,
        action: "negotiation.update",
        entityType: "Negotiation",
        entityId: before.id,
        negotiationId: before.id,
        before,
        after,
      });
      return { slug: after.slug, version: after.version, published: after.publication === "PUBLISHED" };
    });
    if (result.published) invalidateReaderData(result.slug);
    return { version: result.version };
  } catch (error) {
    if (isUniqueViolation(error))
      throw new RuleViolationError("Another negotiation already uses this address; choose a different slug.", "slug");
    throw error;
  }
}

/**
 * One versioned, audited change of a negotiation's state (publication or archive). A stale
 * version is refused with a conflict instead of being applied over another editor's change.
 */
async function changeNegotiationState(
  input: { negotiationId: string; version: number },
  data: Prisma.NegotiationUpdateManyMutationInput,
  action: "negotiation.publish" | "negotiation.unpublish" | "negotiation.archive" | "negotiation.restore",
): Promise<{ version: number }> {
  const user = await requireAccess("journalist");
  const result = await db().$transaction(async (tx) => {
    const before = await tx.negotiation.findUnique({ where: { id: input.negotiationId }, select: negotiationSnapshot });
    if (!before) throw new NotFoundError("That negotiation does not exist.");
    const { count } = await tx.negotiation.updateMany({
      where: { id: input.negotiationId, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw await conflictAfter(tx, "Negotiation", input.negotiationId, input.version);
    const after = await tx.negotiation.findUniqueOrThrow({ where: { id: before.id }, select: negotiationSnapshot });
    await writeAudit(tx, {
      userId: user.id,
      action,
      entityType: "Negotiation",
      entityId: before.id,
      negotiationId: before.id,
      before,
      after,
    });
    return { slug: after.slug, version: after.version };
  });
  invalidateReaderData(result.slug);
  return { version: result.version };
}

export function setNegotiationPublication(input: {
  negotiationId: string;
  version: number;
  publish: boolean;
}): Promise<{ version: number }> {
  return changeNegotiationState(
    input,
    { publication: input.publish ? "PUBLISHED" : "DRAFT", publishedAt: input.publish ? new Date() : null },
    input.publish ? "negotiation.publish" : "negotiation.unpublish",
  );
}

/**
 * Archives a negotiation (readers, feeds, API and embeds stop showing it; staff keep every row
 * and its history) or restores it. Reversible, versioned and audited like any other edit.
 */
export function setNegotiationArchived(input: {
  negotiationId: string;
  version: number;
  archived: boolean;
}): Promise<{ version: number }> {
  return changeNegotiationState(
    input,
    { archivedAt: input.archived ? new Date() : null },
    input.archived ? "negotiation.archive" : "negotiation.restore",
  );
}

async function createActor(
  tx: Tx,
  actor: NonNullable<AddParticipantInput["newActor"]>,
  userId: string,
  negotiationId: string,
): Promise<string> {
  const created = await tx.actor.create({
    data: {
      slug: uniqueSlug(actor.name, "actor"),
      name: actor.name,
      shortName: actor.shortName || undefined,
      kind: actor.kind,
      aliases: { create: actor.aliases },
    },
    select: { id: true, slug: true, name: true, kind: true },
  });
  await writeAudit(tx, {
    userId,
    action: "actor.create",
    entityType: "Actor",
    entityId: created.id,
    negotiationId,
    after: { ...created, aliases: actor.aliases },
  });
  return created.id;
}

export async function addParticipant(input: AddParticipantInput): Promise<{ id: string }> {
  const user = await requireAccess("journalist");
  const result = await db()
    .$transaction(async (tx) => {
      const negotiation = await tx.negotiation.findUnique({
        where: { id: input.negotiationId },
        select: { id: true, slug: true, publication: true },
      });
      if (!negotiation) throw new NotFoundError("That negotiation does not exist.");
      const actorId = input.actorId ?? (await createActor(tx, input.newActor!, user.id, negotiation.id));
      if (!(await tx.actor.findFirst({ where: { id: actorId, archivedAt: null }, select: { id: true } })))
        throw new RuleViolationError("That actor no longer exists.", "actorId");
      const existing = await tx.participation.findFirst({
        where: { negotiationId: negotiation.id, actorId, role: input.role },
        select: { id: true, archivedAt: true },
      });
      if (existing && !existing.archivedAt)
        throw new RuleViolationError("This actor already has that role in this negotiation.", "actorId");
      if (existing) {
        // Re-adding a removed participant brings the same row back, with the new side and description.
        const restored = await tx.participation.update({
          where: { id: existing.id },
          data: { archivedAt: null, side: input.side || null, description: input.description },
        });
        await writeAudit(tx, {
          userId: user.id,
          action: "participation.restore",
          entityType: "Participation",
          entityId: restored.id,
          negotiationId: negotiation.id,
          after: restored,
        });
        return { id: restored.id, slug: negotiation.slug, published: negotiation.publication === "PUBLISHED" };
      }
      const position = await tx.participation.count({ where: { negotiationId: negotiation.id } });
      const created = await tx.participation.create({
        data: {
          negotiationId: negotiation.id,
          actorId,
          role: input.role,
          side: input.side || null,
          description: input.description,
          position,
        },
      });
      await writeAudit(tx, {
        userId: user.id,
        action: "participation.add",
        entityType: "Participation",
        entityId: created.id,
        negotiationId: negotiation.id,
        after: created,
      });
      return { id: created.id, slug: negotiation.slug, published: negotiation.publication === "PUBLISHED" };
    })
    .catch((error: unknown) => {
      // Two editors adding the same actor in the same role at once: the unique index decides.
      if (isUniqueViolation(error))
        throw new RuleViolationError("This actor already has that role in this negotiation.", "actorId");
      throw error;
    });
  if (result.published) invalidateReaderData(result.slug);
  return { id: result.id };
}

/** Removing a participant archives it: readers stop seeing it, and it can be restored. */
export async function setParticipantArchived(input: { participationId: string; archived: boolean }): Promise<void> {
  const user = await requireAccess("journalist");
  const result = await db().$transaction(async (tx) => {
    const before = await tx.participation.findUnique({
      where: { id: input.participationId },
      include: { negotiation: { select: { slug: true, publication: true } } },
    });
    if (!before) throw new NotFoundError("That participant does not exist.");
    if (input.archived && before.role === "PARTY") {
      const used = await tx.obligation.count({
        where: {
          negotiationId: before.negotiationId,
          OR: [{ releasingActorId: before.actorId }, { receivingActorId: before.actorId }],
        },
      });
      if (used > 0)
        throw new RuleViolationError("This party appears in the terms; it cannot be removed.", "participationId");
    }
    const after = await tx.participation.update({
      where: { id: before.id },
      data: { archivedAt: input.archived ? new Date() : null },
    });
    const { negotiation, ...row } = before;
    await writeAudit(tx, {
      userId: user.id,
      action: input.archived ? "participation.remove" : "participation.restore",
      entityType: "Participation",
      entityId: before.id,
      negotiationId: before.negotiationId,
      before: row,
      after,
    });
    return negotiation;
  });
  if (result.publication === "PUBLISHED") invalidateReaderData(result.slug);
}

/** A figure answered by one more attributed claim, shown beside the others; never merged into one number. */
export async function addFigureClaim(input: AddFigureClaimInput): Promise<{ figureId: string; claimId: string }> {
  const user = await requireAccess("journalist");
  const result = await db().$transaction(async (tx) => {
    const negotiation = await tx.negotiation.findUnique({
      where: { id: input.negotiationId },
      select: { id: true, slug: true, publication: true },
    });
    if (!negotiation) throw new NotFoundError("That negotiation does not exist.");
    let figureId = input.figureId;
    if (figureId) {
      if (
        !(await tx.figure.findFirst({ where: { id: figureId, negotiationId: negotiation.id }, select: { id: true } }))
      )
        throw new RuleViolationError("That figure belongs to another negotiation.", "figureId");
    } else {
      const position = await tx.figure.count({ where: { negotiationId: negotiation.id } });
      const figure = await tx.figure.create({
        data: {
          negotiationId: negotiation.id,
          slug: uniqueSlug(input.newFigure!.label, "figure"),
          label: input.newFigure!.label,
          unit: input.newFigure!.unit,
          position,
          publication: "PUBLISHED",
        },
      });
      await writeAudit(tx, {
        userId: user.id,
        action: "figure.create",
        entityType: "Figure",
        entityId: figure.id,
        negotiationId: negotiation.id,
        after: figure,
      });
      figureId = figure.id;
    }
    const position = await tx.figureClaim.count({ where: { figureId } });
    const claim = await tx.figureClaim.create({
      data: {
        figureId,
        ...toColumns(input.quantity),
        asOf: input.asOf?.date,
        asOfPrecision: input.asOf?.precision,
        note: input.note,
        position,
      },
    });
    await writeCitations(tx, { figureClaimId: claim.id }, input.citations, user.id, negotiation.id);
    // Claims are public as soon as they are saved, so their sources must already be reviewed.
    await assertCitedSourcesReviewed(tx, { figureClaimId: claim.id });
    await writeAudit(tx, {
      userId: user.id,
      action: "figure.claim.add",
      entityType: "FigureClaim",
      entityId: claim.id,
      negotiationId: negotiation.id,
      after: { ...claim, citations: input.citations.length },
    });
    return { figureId, claimId: claim.id, slug: negotiation.slug, published: negotiation.publication === "PUBLISHED" };
  });
  if (result.published) invalidateReaderData(result.slug);
  return { figureId: result.figureId, claimId: result.claimId };
}
