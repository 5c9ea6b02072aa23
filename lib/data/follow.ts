import "server-only";
import { createHash } from "node:crypto";
import { addressBucket, countAttempt, signInPolicy } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/enqueue";
import { QUEUES } from "@/lib/jobs/queues";
import type { AlertConfirmJob } from "@/lib/follow/alert-jobs";
import type { MailLocale } from "@/lib/follow/mail-locale";
import { CONFIRM_TOKEN_HOURS, hashToken, subscriptionIdFromUnsubscribeToken } from "@/lib/follow/tokens";
import type { SubscribeInput } from "@/lib/validation/follow";
import { publicRow } from "./reader/public-selects";

// Readers' alert subscriptions (no account). Every answer here is the same whether or not an
// address is already subscribed, and nothing returns an address: staff get counts only
// (lib/data/admin/alert-subscribers.ts).

/** Sign-ups per client address and per e-mail address in signInPolicy's window (15 minutes). */
export const followPolicy = { ...signInPolicy, addressLimit: 10, emailLimit: 3 };

export type SubscribeOutcome = "check-inbox" | "too-many";

/**
 * Records a pending subscription and queues its confirmation mail (in one transaction), or, for
 * an address already pending, queues the mail again; a confirmed one gets nothing, unless the
 * request asks for another language: then a confirmation in that language is mailed, and the
 * language changes only when its link is followed (confirmSubscription). The caller shows the
 * same "check your inbox" in every case. The throttle counts keys, not addresses: the e-mail's
 * counter is keyed by its hash.
 */
export async function requestSubscription(input: SubscribeInput, client: string): Promise<SubscribeOutcome> {
  const emailKey = `follow-email:${createHash("sha256").update(input.email).digest("hex")}`;
  const counts = await Promise.all([
    countAttempt(`follow-address:${addressBucket(client)}`, followPolicy.addressLimit, followPolicy),
    countAttempt(emailKey, followPolicy.emailLimit, followPolicy),
  ]);
  if (counts.some((count) => count.lockedUntil && count.lockedUntil > new Date())) return "too-many";

  const negotiation = input.negotiation
    ? await db().negotiation.findFirst({ where: { slug: input.negotiation, ...publicRow }, select: { id: true } })
    : null;
  // An unknown negotiation answers like any other request: the form only offers public ones.
  if (input.negotiation && !negotiation) return "check-inbox";
  const negotiationId = negotiation?.id ?? null;

  await db().$transaction(async (tx) => {
    await tx.alertSubscription.deleteMany({ where: { confirmedAt: null, confirmExpiresAt: { lt: new Date() } } });
    const existing = await tx.alertSubscription.findFirst({
      where: { email: input.email, negotiationId },
      select: { id: true, confirmedAt: true, language: true },
    });
    if (existing?.confirmedAt && existing.language === input.locale) return;
    // A pending row expires like its link would (the confirm job sets the token's own expiry).
    const id =
      existing?.id ??
      (
        await tx.alertSubscription.create({
          data: {
            email: input.email,
            negotiationId,
            language: input.locale,
            confirmExpiresAt: new Date(Date.now() + CONFIRM_TOKEN_HOURS * 3600_000),
          },
          select: { id: true },
        })
      ).id;
    const job: AlertConfirmJob = { subscriptionId: id, language: input.locale };
    await enqueue(tx, QUEUES.alertConfirm, job);
  });
  return "check-inbox";
}

/**
 * Follows a confirmation link: single use, until it expires. `locale` is the language of the
 * page the link led to, i.e. of the mail that carried it; it becomes the subscription's language
 * (absent: unchanged). True when it confirmed a subscription or its new language.
 */
export async function confirmSubscription(token: string, locale?: MailLocale): Promise<boolean> {
  const hash = hashToken(token);
  const pending = await db().alertSubscription.findFirst({
    where: { confirmTokenHash: hash, confirmExpiresAt: { gt: new Date() } },
    select: { id: true, confirmedAt: true },
  });
  if (!pending) return false;
  // The hash in the condition keeps the link single-use when two posts race.
  const confirmed = await db().alertSubscription.updateMany({
    where: { id: pending.id, confirmTokenHash: hash },
    data: {
      confirmedAt: pending.confirmedAt ?? new Date(),
      confirmTokenHash: null,
      confirmExpiresAt: null,
      ...(locale ? { language: locale } : {}),
    },
  });
  return confirmed.count === 1;
}

/** Deletes the subscription (and so the address) an unsubscribe token names. Idempotent. */
export async function unsubscribe(token: string): Promise<boolean> {
  const id = subscriptionIdFromUnsubscribeToken(token);
  if (!id) return false;
  await db().alertSubscription.deleteMany({ where: { id } });
  return true;
}
