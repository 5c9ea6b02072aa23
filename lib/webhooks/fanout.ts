import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/enqueue";
import type { PublicEvent } from "@/lib/jobs/public-events";
import { QUEUES } from "@/lib/jobs/queues";
import type { DeliveryJob } from "./deliver";
import { webhookPayload } from "./payload";

/** A UUID fixed by message and endpoint: queuing the same delivery twice is a no-op for pg-boss. */
function deliveryJobId(messageId: string, endpointId: string): string {
  const hex = createHash("sha256").update(`${messageId}:${endpointId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Builds the message once (the same bytes for every endpoint and every retry) and queues
 * one delivery per endpoint that wants this event for this negotiation. Idempotent: a rerun
 * queues the same job ids, which pg-boss ignores.
 */
export async function fanOutEvent(event: PublicEvent): Promise<number> {
  const payload = await webhookPayload(event);
  if (!payload) return 0;
  const endpoints = await db().webhookEndpoint.findMany({
    where: {
      enabled: true,
      events: { has: event.type },
      OR: [{ negotiationIds: { isEmpty: true } }, { negotiationIds: { has: event.negotiationId } }],
    },
    select: { id: true },
  });
  const body = JSON.stringify(payload);
  await db().$transaction(async (tx) => {
    for (const endpoint of endpoints) {
      const job: DeliveryJob = { endpointId: endpoint.id, messageId: event.eventId, eventType: event.type, body };
      await enqueue(tx, QUEUES.webhookDeliver, job, { id: deliveryJobId(event.eventId, endpoint.id) });
    }
  });
  return endpoints.length;
}
