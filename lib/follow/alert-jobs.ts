import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueue } from "@/lib/jobs/enqueue";
import { QUEUES } from "@/lib/jobs/queues";
import { localePath } from "@/i18n/paths";
import { loadLocalizer } from "@/lib/data/reader/localize";
import { siteUrl } from "@/lib/site-url";
import type { WebhookEvent } from "@/lib/webhooks/events";
import { webhookPayload } from "@/lib/webhooks/payload";
import { alertMessage, confirmationMessage, type AlertItem } from "./alert-message";
import { mailLocaleOf, type MailLocale } from "./mail-locale";
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
/** `language`: the one asked for (jobs queued before it existed: the subscription's). */
export type AlertConfirmJob = { subscriptionId: string; language?: MailLocale };

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

/** How long a record of a sent alert is kept: far beyond the send job's last retry. */
const DELIVERY_RECORD_DAYS = 30;

/**
 * Takes every waiting change and queues one alert per confirmed subscriber who follows any of
 * them — in one transaction, so a change is either still waiting or in exactly one alert job.
 * Each send job's id comes from the changes taken and the subscriber, not from this batch job's
 * id: a retried batch job (its transaction committed, the job not marked done) that takes newer
 * changes queues new jobs for them, instead of colliding with the first run's ids and losing them.
 */
export async function batchAlerts(): Promise<number> {
  return db().$transaction(async (tx) => {
    const changes = await tx.alertChange.findMany({ orderBy: { id: "asc" } });
    if (changes.length === 0) return 0;
    await tx.alertChange.deleteMany({ where: { id: { in: changes.map((c) => c.id) } } });
    // Pending subscriptions that were never confirmed are forgotten once their link has expired.
    await tx.alertSubscription.deleteMany({ where: { confirmedAt: null, confirmExpiresAt: { lt: new Date() } } });
    await tx.alertDelivery.deleteMany({
      where: { sentAt: { lt: new Date(Date.now() - DELIVERY_RECORD_DAYS * 86400_000) } },
    });
    const batchKey = changes.map((c) => c.id.toString()).join(",");
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
      await enqueue(tx, QUEUES.alertSend, job, { id: stableJobId("alert-send", batchKey, subscriber.id) });
    }
    return subscribers.length;
  });
}

/**
 * An absolute link to a follow page in the reader's language: pages live in the language tree
 * (`/ar/follow/…`, English unprefixed as always), like every reader page.
 */
function followUrl(locale: MailLocale, path: `/follow/${string}`, query: Record<string, string>): string {
  return new URL(`${localePath(locale, path)}?${new URLSearchParams(query)}`, siteUrl()).toString();
}

/**
 * The unsubscribe page, and the one-click API URL for List-Unsubscribe. The API exists once,
 * outside the language tree: an Arabic subscriber's URL says `lang=ar` (English ones are as before).
 */
const unsubscribeUrls = (subscriptionId: string, locale: MailLocale) => {
  const token = unsubscribeToken(subscriptionId);
  const api = `/api/follow/unsubscribe?token=${encodeURIComponent(token)}${locale === "en" ? "" : `&lang=${locale}`}`;
  return {
    page: followUrl(locale, "/follow/unsubscribe", { token }),
    oneClick: new URL(api, siteUrl()).toString(),
  };
};

/** The Message-ID of one alert: the same for every retry of its send job. */
export const alertMessageId = (sendJobId: string) => `<alert.${sendJobId}@${siteUrl().hostname}>`;

/**
 * Sends one subscriber one alert, in their language, written from what readers can see at
 * sending time (a change taken back meanwhile is left out; nothing left, nothing sent). An
 * unsubscribed reader is gone: the job finds no row and does nothing.
 *
 * The queue delivers at least once: a job whose mail went out may run again (the worker died, or
 * the job failed, before pg-boss marked it done). The delivery row written after the SMTP server
 * accepted the message makes that rerun send nothing; the Message-ID is fixed per job so a
 * receiving system can drop a copy too. Not exactly once: a crash between the server's acceptance
 * and the row's insert still sends the alert again on retry (docs/follow.md).
 */
export async function sendAlert(job: AlertSendJob, sendJobId: string): Promise<boolean> {
  const subscription = await db().alertSubscription.findFirst({
    where: { id: job.subscriptionId, confirmedAt: { not: null } },
    select: { id: true, email: true, language: true },
  });
  if (!subscription) return false;
  const sent = await db().alertDelivery.findUnique({ where: { sendJobId }, select: { sentAt: true } });
  if (sent) return false;
  const locale = mailLocaleOf(subscription.language);
  const items: AlertItem[] = [];
  for (const change of job.changes) {
    const payload = await webhookPayload(
      {
        eventId: "",
        occurredAt: "",
        type: change.type as WebhookEvent,
        negotiationId: change.negotiationId,
        entityId: change.entityId,
      },
      locale,
    );
    if (payload) items.push(payload as AlertItem);
  }
  if (items.length === 0) return false;
  const urls = unsubscribeUrls(subscription.id, locale);
  await sendMail({
    to: subscription.email,
    ...alertMessage(items, urls.page, locale),
    unsubscribeUrl: urls.oneClick,
    messageId: alertMessageId(sendJobId),
    language: locale,
  });
  // skipDuplicates: two runs of one job at once (an expired job handed out again) both get here.
  await db().alertDelivery.createMany({ data: [{ sendJobId, subscriptionId: subscription.id }], skipDuplicates: true });
  return true;
}

/**
 * Sends the double opt-in link, in the language the reader asked for. The token is made here and
 * only its hash is stored; a retry makes a new one (the link of a mail that failed to send is
 * worthless anyway). A confirmed subscription gets a mail only to confirm a change of language.
 */
export async function sendConfirmation(job: AlertConfirmJob): Promise<boolean> {
  const subscription = await db().alertSubscription.findFirst({
    where: { id: job.subscriptionId },
    select: { id: true, email: true, negotiationId: true, confirmedAt: true, language: true },
  });
  if (!subscription) return false;
  const locale = job.language ?? mailLocaleOf(subscription.language);
  if (subscription.confirmedAt && locale === subscription.language) return false;
  const negotiation = subscription.negotiationId
    ? await db().negotiation.findUnique({
        where: { id: subscription.negotiationId },
        select: { id: true, title: true },
      })
    : null;
  const title = negotiation
    ? (await loadLocalizer(locale, [negotiation.id])).text("NEGOTIATION_TITLE", negotiation.id, negotiation.title)
    : null;
  const { token, hash, expiresAt } = newConfirmToken();
  await db().alertSubscription.update({
    where: { id: subscription.id },
    data: { confirmTokenHash: hash, confirmExpiresAt: expiresAt },
  });
  const confirmUrl = followUrl(locale, "/follow/confirm", { token });
  await sendMail({
    to: subscription.email,
    language: locale,
    ...confirmationMessage(title, confirmUrl, CONFIRM_TOKEN_HOURS, locale),
  });
  return true;
}
