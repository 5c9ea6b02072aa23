// Writes one audit row: the event parsed with its schema (lib/audit/events.ts), stored as parsed.
// No server-only marker: CLI scripts and the seeder record audit rows outside Next.js too.
// App code calls writeAudit (lib/data/audit.ts), which adds the request's client and idempotency key.
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditEventSchema, type AuditEvent } from "./events";

export type AuditInput = AuditEvent & { userId: string | null };

/** Who made a change, as the request reported it: personal data, for the admin audit log only. */
export type AuditClient = { clientAddress: string | null; userAgent: string | null };

/** Scripts and seeds: no request, so no client. */
export const NO_CLIENT: AuditClient = { clientAddress: null, userAgent: null };

/** Something that writes an audit row in a transaction: writeAudit in the app, recordOperatorAudit in scripts. */
export type AuditWriter = (tx: Prisma.TransactionClient, input: AuditInput) => Promise<unknown>;

export async function recordAudit(
  tx: Prisma.TransactionClient,
  { userId, ...input }: AuditInput,
  client: AuditClient,
): Promise<{ entityType: string; entityId: string }> {
  const event = auditEventSchema.parse(input);
  await tx.auditEntry.create({
    data: {
      userId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      negotiationId: event.negotiationId ?? null,
      before: toJson("before" in event ? event.before : undefined),
      after: toJson("after" in event ? event.after : undefined),
      clientAddress: client.clientAddress,
      userAgent: client.userAgent,
    },
  });
  return { entityType: event.entityType, entityId: event.entityId };
}

/** An operator's change from the command line (user:create, the seeder): no request, no client. */
export const recordOperatorAudit: AuditWriter = (tx, input) => recordAudit(tx, input, NO_CLIENT);

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  // Dates and bigints become strings; the audit keeps a faithful, readable copy.
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v)));
}
