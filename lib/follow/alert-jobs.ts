import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueue } from "@/lib/jobs/enqueue";
import { QUEUES } from "@/lib/jobs/queues";
import { siteUrl } from "@/lib/site-url";
import type { WebhookEvent } from "@/lib/webhooks/events";
import { webhookPayload } from "@/lib/webhooks/payload";
import { alertMessage, confirmationMessage, type AlertItem } from "./alert-message";
import { sendMail } from "./mailer";
import { CONFIRM_TOKEN_HOURS, newConfirmToken, unsubscribeToken } from "./tokens";

/** The public changes readers are alerted to (an unpublished development is not news to mail). */
const ALERT_EVENTS: readonly WebhookEvent[] = [
  "development.published",
  "development.corrected",
  "terms.published",
  "stage.changed",
];

type Change = { negotiationId: string; type: string; entityId: string };
export type AlertSendJob = { subscriptionId: string; changes: Change[] };
export type AlertConfirmJob = { subscriptionId: string };

/** Same UUID for the same input: pg-boss ignores a second send with it (reruns are harmless). */
function stableJobId(...parts: string[]): string {
  const hex = createHash("sha256").update(parts.join(":")).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Called with every public event, in the transaction of the change: records the change and
 * makes sure one batch is waiting. The alert-batch queue keeps at most one queued job per
 * singletonKey ("short" policy), so the first change of a burst starts the window
 * (PARLEY_ALERT_BATCH_SECONDS) and the others join it: one message per subscriber.
 */
export async function queueAlertChange(tx: Prisma.TransactionClient, event: Change): Promise<void> {
  if (!(ALERT_EVENTS as readonly string[]).includes(event.type)) return;
  await tx.alertChange.create({ data: event });
  await enqueue(tx, QUEUES.alertBatch, {}, { singletonKey: "alerts", startAfter: env().PARLEY_ALERT_BATCH_SECONDS });
}

/**
 * Takes every waiting change and queues one alert per confirmed subscriber who follows any of
 * them — in one transaction, so a change is either still waiting or in exactly one alert job.
 */
export async function batchAlerts(batchId: string): Promise<number> {
  return db().$transaction(async (tx) => {
    const changes = await tx.alertChange.findMany({ orderBy: { id: "asc" } });
    if (changes.length === 0) return 0;
    await tx.alertChange.deleteMany({ where: { id: { in: changes.map((c) => c.id) } } });
    // Pending subscriptions that were never confirmed are forgotten once their link has expired.
    await tx.alertSubscription.deleteMany({ where: { confirmedAt: null, confirmExpiresAt: { lt: new Date() } } });
    const negotiationIds = [...new Set(changes.map((c) => c.negotiationId))];
    const subscribers = await tx.alertSubscription.findMany({
      where: { confirmedAt: { not: null }, OR: [{ negotiationId: null }, { negotiationId: { in: negotiationIds } }] },
      select: { id: true, negotiationId: true },
    });
    for (const subscriber of subscribers) {
      const seen = new Set<string>();
      const wanted = changes
        .filter((c) => subscriber.negotiationId === null || c.negotiationId === subscriber.negotiationId)
        .filter((c) => !seen.has(`${c.type}:${c.entityId}`) && seen.add(`${c.type}:${c.entityId}`))
        .map(({ negotiationId, type, entityId }) => ({ negotiationId, type, entityId }));
      const job: AlertSendJob = { subscriptionId: subscriber.id, changes: wanted };
      await enqueue(tx, QUEUES.alertSend, job, { id: stableJobId(batchId, subscriber.id) });
    }
    return subscribers.length;
  });
}

const unsubscribeUrls = (subscriptionId: string) => {
  const token = encodeURIComponent(unsubscribeToken(subscriptionId));
  return {
    page: new URL(`/follow/unsubscribe?token=${token}`, siteUrl()).toString(),
    oneClick: new URL(`/api/follow/unsubscribe?token=${token}`, siteUrl()).toString(),
  };
};

/**
 * Sends one subscriber one alert, written from what readers can see at sending time (a change
 * taken back meanwhile is left out; nothing left, nothing sent). An unsubscribed reader is gone:
 * the job finds no row and does nothing.
 */
export async function sendAlert(job: AlertSendJob): Promise<boolean> {
  const subscription = await db().alertSubscription.findFirst({
    where: { id: job.subscriptionId, confirmedAt: { not: null } },
    select: { id: true, email: true },
  });
  if (!subscription) return false;
  const items: AlertItem[] = [];
  for (const change of job.changes) {
    const payload = await webhookPayload({
      eventId: "",
      occurredAt: "",
      type: change.type as WebhookEvent,
      negotiationId: change.negotiationId,
      entityId: change.entityId,
    });
    if (payload) items.push(payload as AlertItem);
  }
  if (items.length === 0) return false;
  const urls = unsubscribeUrls(subscription.id);
  await sendMail({ to: subscription.email, ...alertMessage(items, urls.page), unsubscribeUrl: urls.oneClick });
  return true;
}

/**
 * Sends the double opt-in link. The token is made here and only its hash is stored; a retry
 * makes a new one (the link of a mail that failed to send is worthless anyway).
 */
export async function sendConfirmation(job: AlertConfirmJob): Promise<boolean> {
  const subscription = await db().alertSubscription.findFirst({
    where: { id: job.subscriptionId, confirmedAt: null },
    select: { id: true, email: true, negotiationId: true },
  });
  if (!subscription) return false;
  const negotiation = subscription.negotiationId
    ? await db().negotiation.findUnique({ where: { id: subscription.negotiationId }, select: { title: true } })
    : null;
  const { token, hash, expiresAt } = newConfirmToken();
  await db().alertSubscription.update({
    where: { id: subscription.id },
    data: { confirmTokenHash: hash, confirmExpiresAt: expiresAt },
  });
  const confirmUrl = new URL(`/follow/confirm?token=${encodeURIComponent(token)}`, siteUrl()).toString();
  const scope = negotiation ? `“${negotiation.title}”` : "every negotiation Parley follows";
  await sendMail({ to: subscription.email, ...confirmationMessage(scope, confirmUrl, CONFIRM_TOKEN_HOURS) });
  return true;
}
