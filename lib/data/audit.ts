import "server-only";
import { recordAudit, type AuditClient, type AuditInput } from "@/lib/audit/record";
import { currentAuditClient } from "@/lib/audit/request-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueuePublicEvent } from "@/lib/jobs/public-events";
import { notifyChange } from "./change-notification";
import { claimIdempotencyKey } from "./idempotency";

export type { AuditInput };

/**
 * Writes an audit row inside the caller's transaction, so change and record
 * commit together; claims the submission's idempotency key there too, so a
 * repeated submission can never store a second change (lib/data/idempotency.ts).
 * A change readers can see also queues its webhook fan-out here, in the same transaction: a
 * rolled-back change sends nothing (lib/jobs/public-events.ts). Every audited write also
 * notifies the other app instances, in the same transaction (change-notification.ts).
 * The event must be one of lib/audit/events.ts; it is stored as its schema parsed it.
 * The client's address and user agent come from the current request (server actions
 * and route handlers) unless the caller passes them.
 */
export async function writeAudit(tx: Prisma.TransactionClient, input: AuditInput, client?: AuditClient): Promise<void> {
  await claimIdempotencyKey(tx, { type: input.entityType, id: input.entityId });
  await recordAudit(tx, input, client ?? (await currentAuditClient()));
  await enqueuePublicEvent(tx, input);
  await notifyChange(tx, input.negotiationId ?? null);
}
