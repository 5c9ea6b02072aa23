import "server-only";
import { auditEventSchema, type AuditEvent } from "@/lib/audit/events";
import { currentAuditClient, type AuditClient } from "@/lib/audit/request-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { claimIdempotencyKey } from "./idempotency";

export type AuditInput = AuditEvent & { userId: string | null };

/**
 * Writes an audit row inside the caller's transaction, so change and record
 * commit together; claims the submission's idempotency key there too, so a
 * repeated submission can never store a second change (lib/data/idempotency.ts).
 * The event is parsed with its schema (lib/audit/events.ts) and stored as parsed,
 * so every row reads back through the same schema. The client's address and user
 * agent come from the current request unless the caller passes them.
 */
export async function writeAudit(
  tx: Prisma.TransactionClient,
  { userId, ...input }: AuditInput,
  client?: AuditClient,
): Promise<void> {
  const event = auditEventSchema.parse(input);
  const { clientAddress, userAgent } = client ?? (await currentAuditClient());
  await claimIdempotencyKey(tx, { type: event.entityType, id: event.entityId });
  await tx.auditEntry.create({
    data: {
      userId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      negotiationId: event.negotiationId ?? null,
      before: toJson("before" in event ? event.before : undefined),
      after: toJson("after" in event ? event.after : undefined),
      clientAddress,
      userAgent,
    },
  });
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  // Dates and bigints become strings; the audit keeps a faithful, readable copy.
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v)));
}
