import "server-only";
import { Webhook } from "standardwebhooks";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { log, untrusted } from "@/lib/log";
import { outboundFetch } from "@/lib/security/outbound-fetch";

/** One message for one endpoint, as queued by the fan-out: the exact bytes every attempt sends. */
export type DeliveryJob = { endpointId: string; messageId: string; eventType: string; body: string };

/** Limits for a partner's answer: it only has to acknowledge. */
const DELIVERY_TIMEOUT_MS = 10_000;
const RESPONSE_MAX_BYTES = 16 * 1024;

/** A failed attempt: pg-boss retries the job with backoff. */
export class DeliveryFailedError extends Error {}

/**
 * Sends one signed message (Standard Webhooks: `webhook-id`, `webhook-timestamp`,
 * `webhook-signature`, signed anew at each attempt's time) and logs the attempt.
 * Idempotent: a message the endpoint already acknowledged is not sent again, and a
 * disabled or deleted endpoint gets nothing. Redirects are not followed (a 3xx fails).
 */
export async function deliverWebhook(job: DeliveryJob, attempt: number): Promise<void> {
  const endpoint = await db().webhookEndpoint.findUnique({
    where: { id: job.endpointId },
    select: { url: true, secret: true, enabled: true },
  });
  if (!endpoint?.enabled) return;
  const done = await db().webhookDelivery.count({
    where: { endpointId: job.endpointId, messageId: job.messageId, succeeded: true },
  });
  if (done > 0) return;

  const timestamp = new Date();
  const signature = new Webhook(endpoint.secret).sign(job.messageId, timestamp, job.body);
  const started = performance.now();
  let responseStatus: number | null = null;
  let error: string | null = null;
  try {
    const response = await outboundFetch(endpoint.url, {
      method: "POST",
      body: job.body,
      headers: {
        "content-type": "application/json",
        "webhook-id": job.messageId,
        "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
        "webhook-signature": signature,
      },
      timeoutMs: DELIVERY_TIMEOUT_MS,
      maxBytes: RESPONSE_MAX_BYTES,
      maxRedirects: 0,
    });
    responseStatus = response.status;
    if (response.status < 200 || response.status >= 300) error = `HTTP ${response.status}`;
  } catch (caught) {
    error = caught instanceof Error ? caught.message.slice(0, 500) : "request failed";
  }
  const succeeded = error === null;
  await recordAttempt(job, attempt, { responseStatus, error, succeeded, durationMs: performance.now() - started });
  if (!succeeded) {
    log.info({ endpointId: job.endpointId, messageId: job.messageId, error: untrusted(error) }, "webhook failed");
    throw new DeliveryFailedError(`delivery to endpoint ${job.endpointId} failed: ${error}`);
  }
}

/** The attempt's log row and the endpoint's failure streak, together; disables the endpoint at the limit. */
async function recordAttempt(
  job: DeliveryJob,
  attempt: number,
  result: { responseStatus: number | null; error: string | null; succeeded: boolean; durationMs: number },
): Promise<void> {
  const limit = env().PARLEY_WEBHOOK_DISABLE_AFTER;
  await db().$transaction(async (tx) => {
    await tx.webhookDelivery.create({
      data: {
        endpointId: job.endpointId,
        messageId: job.messageId,
        eventType: job.eventType,
        attempt,
        responseStatus: result.responseStatus,
        error: result.error,
        succeeded: result.succeeded,
        durationMs: Math.round(result.durationMs),
      },
    });
    if (result.succeeded) {
      await tx.webhookEndpoint.update({ where: { id: job.endpointId }, data: { consecutiveFailures: 0 } });
      return;
    }
    const endpoint = await tx.webhookEndpoint.update({
      where: { id: job.endpointId },
      data: { consecutiveFailures: { increment: 1 } },
      select: { consecutiveFailures: true, enabled: true },
    });
    if (!endpoint.enabled || endpoint.consecutiveFailures < limit) return;
    const reason = `Disabled after ${endpoint.consecutiveFailures} failed deliveries in a row (last: ${result.error}).`;
    await tx.webhookEndpoint.update({
      where: { id: job.endpointId },
      data: { enabled: false, disabledAt: new Date(), disabledReason: reason.slice(0, 300), version: { increment: 1 } },
    });
    // The notice admins see (admin pages list disabled endpoints; the audit trail keeps when and why).
    await tx.auditEntry.create({
      data: {
        userId: null,
        action: "webhook.endpoint.disable",
        entityType: "WebhookEndpoint",
        entityId: job.endpointId,
        after: { enabled: false, reason },
      },
    });
    log.warn({ endpointId: job.endpointId, failures: endpoint.consecutiveFailures }, "webhook endpoint disabled");
  });
}
