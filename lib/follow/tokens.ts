import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

/** How long a confirmation link works. */
export const CONFIRM_TOKEN_HOURS = 48;

/** Only this hash is stored; the token itself exists in the e-mail alone. */
export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** A fresh confirmation token (256 random bits) and the hash to store. */
export function newConfirmToken(): { token: string; hash: string; expiresAt: Date } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token), expiresAt: new Date(Date.now() + CONFIRM_TOKEN_HOURS * 3600_000) };
}

const unsubscribeMac = (subscriptionId: string) =>
  createHmac("sha256", authSecret()).update(`parley-unsubscribe:${subscriptionId}`).digest("base64url");

/**
 * The unsubscribe token of a subscription: its id with an HMAC under the site's secret. It must
 * be in every alert, so it cannot be a random token known only by its hash; being derived, it is
 * not stored at all. It stops working when the row is deleted (or the site's secret changes).
 */
export const unsubscribeToken = (subscriptionId: string) => `${subscriptionId}.${unsubscribeMac(subscriptionId)}`;

/** The subscription id an unsubscribe token names, or null if the token was not made by this site. */
export function subscriptionIdFromUnsubscribeToken(token: string): string | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/i.exec(token);
  if (!match) return null;
  const expected = Buffer.from(unsubscribeMac(match[1]!));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1]!.toLowerCase() : null;
}
