import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { queueAlertChange } from "@/lib/follow/alert-jobs";
import { enqueue } from "./enqueue";
import { QUEUES } from "./queues";
import type { WebhookEvent } from "@/lib/webhooks/events";

export type { WebhookEvent };

/** A public change, as queued for the webhook fan-out. Only ids: the payload is read when it is sent. */
export type PublicEvent = {
  /** The message id partners see in `webhook-id`: the same for every endpoint and every retry. */
  eventId: string;
  type: WebhookEvent;
  occurredAt: string;
  negotiationId: string;
  entityId: string;
};

type AuditLike = { action: string; entityId: string; negotiationId?: string | null; before?: unknown };

/**
 * The public event an audited change amounts to, if any. Derived from the audit action,
 * which every write records in its transaction, so no write path can publish without
 * telling partners, and nothing is told about a change that was rolled back.
 */
export function publicEventFor(entry: AuditLike): WebhookEvent | null {
  switch (entry.action) {
    case "development.publish":
      return "development.published";
    case "development.correct":
      return "development.corrected";
    case "development.unpublish":
      return "development.unpublished";
    case "development.archive":
      // Archiving a published development takes it away from readers.
      return (entry.before as { publication?: string } | undefined)?.publication === "PUBLISHED"
        ? "development.unpublished"
        : null;
    case "terms.publish":
      return "terms.published";
    case "negotiation.stage.sync":
      return "stage.changed";
    default:
      return null;
  }
}

/** Queues the fan-out of a public event and its reader alert in the caller's transaction (called by writeAudit). */
export async function enqueuePublicEvent(tx: Prisma.TransactionClient, entry: AuditLike): Promise<void> {
  const type = publicEventFor(entry);
  if (!type || !entry.negotiationId) return;
  const event: PublicEvent = {
    eventId: `msg_${randomUUID()}`,
    type,
    occurredAt: new Date().toISOString(),
    negotiationId: entry.negotiationId,
    entityId: entry.entityId,
  };
  await enqueue(tx, QUEUES.webhookFanout, event);
  await queueAlertChange(tx, { negotiationId: event.negotiationId, type, entityId: event.entityId });
}
