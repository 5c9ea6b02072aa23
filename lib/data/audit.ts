import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueuePublicEvent } from "@/lib/jobs/public-events";
import { notifyChange } from "./change-notification";
import { claimIdempotencyKey } from "./idempotency";

export type AuditInput = {
  userId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  negotiationId?: string | null;
  before?: unknown;
  after?: unknown;
};

/**
 * Writes an audit row inside the caller's transaction, so change and record
 * commit together; claims the submission's idempotency key there too, so a
 * repeated submission can never store a second change (lib/data/idempotency.ts).
 * A change readers can see also queues its webhook fan-out here, in the same
 * transaction: a rolled-back change sends nothing (lib/jobs/public-events.ts). Every audited
 * write also notifies the other app instances, in the same transaction (change-notification.ts).
 */
export async function writeAudit(tx: Prisma.TransactionClient, entry: AuditInput): Promise<void> {
  await claimIdempotencyKey(tx, { type: entry.entityType, id: entry.entityId });
  await tx.auditEntry.create({
    data: {
      userId: entry.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      negotiationId: entry.negotiationId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
  await enqueuePublicEvent(tx, entry);
  await notifyChange(tx, entry.negotiationId ?? null);
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  // Dates and bigints become strings; the audit keeps a faithful, readable copy.
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v)));
}
