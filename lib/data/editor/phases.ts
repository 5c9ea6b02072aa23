import "server-only";
import { requireAccess } from "@/lib/auth/session";
import { toPartialDateString } from "@/lib/dates";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import type { CreatePhaseInput, UpdatePhaseInput } from "@/lib/validation/terms";
import { writeAudit } from "../audit";
import { phaseFieldsSelect } from "../reader/ledger";
import { invalidateReaderData } from "./cache";
import { conflictAfter } from "./conflicts";

type Tx = Prisma.TransactionClient;

const phaseSelect = {
  ...phaseFieldsSelect,
  negotiationId: true,
  version: true,
  negotiation: { select: { slug: true, publication: true } },
} satisfies Prisma.PhaseSelect;

type PhaseRow = Prisma.PhaseGetPayload<{ select: typeof phaseSelect }>;

function phaseSnapshot(row: PhaseRow) {
  return {
    number: row.number,
    name: row.name,
    summary: row.summary,
    startedOn: row.startedOn ? toPartialDateString(row.startedOn, row.startedPrecision) : null,
    endedOn: row.endedOn ? toPartialDateString(row.endedOn, row.endedPrecision) : null,
    version: row.version,
  };
}

function assertOrder(input: Pick<CreatePhaseInput, "startedOn" | "endedOn">) {
  if (input.startedOn && input.endedOn && input.endedOn.date < input.startedOn.date)
    throw new RuleViolationError("A phase cannot end before it starts.", "endedOn");
}

async function insertPhase(
  tx: Tx,
  negotiationId: string,
  fields: Omit<CreatePhaseInput, "negotiationId">,
  userId: string,
): Promise<string> {
  const last = await tx.phase.findFirst({
    where: { negotiationId },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  const created = await tx.phase.create({
    data: {
      negotiationId,
      number: (last?.number ?? 0) + 1,
      name: fields.name,
      summary: fields.summary,
      startedOn: fields.startedOn?.date,
      startedPrecision: fields.startedOn?.precision,
      endedOn: fields.endedOn?.date,
      endedPrecision: fields.endedOn?.precision,
    },
    select: phaseSelect,
  });
  await writeAudit(tx, {
    userId,
    action: "phase.create",
    entityType: "Phase",
    entityId: created.id,
    negotiationId,
    after: phaseSnapshot(created),
  });
  return created.id;
}

/**
 * The phase a terms version belongs to. A single-phase exchange never names one: the
 * negotiation's only phase is used, or created unnamed with its first terms.
 */
export async function ensurePhase(
  tx: Tx,
  negotiationId: string,
  phaseId: string | undefined,
  newPhaseName: string,
  userId: string,
): Promise<string> {
  if (phaseId) {
    const phase = await tx.phase.findFirst({ where: { id: phaseId, negotiationId }, select: { id: true } });
    if (!phase) throw new RuleViolationError("That phase belongs to another negotiation.", "phaseId");
    return phase.id;
  }
  if (newPhaseName) return insertPhase(tx, negotiationId, { name: newPhaseName, summary: "" }, userId);
  const phases = await tx.phase.findMany({ where: { negotiationId }, select: { id: true }, take: 2 });
  if (phases.length === 1) return phases[0]!.id;
  if (phases.length === 0) return insertPhase(tx, negotiationId, { name: "", summary: "" }, userId);
  throw new RuleViolationError(
    "This negotiation has several phases: choose which one these terms belong to.",
    "phaseId",
  );
}

export async function createPhase(input: CreatePhaseInput): Promise<{ id: string }> {
  const user = await requireAccess("journalist");
  assertOrder(input);
  return db().$transaction(async (tx) => {
    const negotiation = await tx.negotiation.findFirst({
      where: { id: input.negotiationId, archivedAt: null },
      select: { id: true },
    });
    if (!negotiation) throw new NotFoundError("That negotiation does not exist or is archived.");
    await tx.$queryRaw`SELECT id FROM "Negotiation" WHERE id = ${negotiation.id}::uuid FOR UPDATE`;
    return { id: await insertPhase(tx, negotiation.id, input, user.id) };
  });
}

export async function updatePhase(input: UpdatePhaseInput): Promise<{ version: number }> {
  const user = await requireAccess("journalist");
  assertOrder(input);
  const result = await db().$transaction(async (tx) => {
    const before = await tx.phase.findUnique({ where: { id: input.phaseId }, select: phaseSelect });
    if (!before) throw new NotFoundError("That phase does not exist.");
    const { count } = await tx.phase.updateMany({
      where: { id: input.phaseId, version: input.version },
      data: {
        name: input.name,
        summary: input.summary,
        startedOn: input.startedOn?.date ?? null,
        startedPrecision: input.startedOn?.precision ?? "DAY",
        endedOn: input.endedOn?.date ?? null,
        endedPrecision: input.endedOn?.precision ?? "DAY",
        version: { increment: 1 },
      },
    });
    if (count === 0) throw await conflictAfter(tx, "Phase", input.phaseId, input.version);
    const after = await tx.phase.findUniqueOrThrow({ where: { id: input.phaseId }, select: phaseSelect });
    await writeAudit(tx, {
      userId: user.id,
      action: "phase.update",
      entityType: "Phase",
      entityId: before.id,
      negotiationId: before.negotiationId,
      before: phaseSnapshot(before),
      after: phaseSnapshot(after),
    });
    return {
      version: after.version,
      slug: before.negotiation.slug,
      published: before.negotiation.publication === "PUBLISHED",
    };
  });
  if (result.published) invalidateReaderData(result.slug);
  return { version: result.version };
}
