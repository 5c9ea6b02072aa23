import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Idempotent writes: a submission carries a key (the form makes one per
 * intended submission and keeps it across retries; other clients send the
 * `Idempotency-Key` header). The key is claimed inside the write's own
 * transaction, next to its audit row (writeAudit calls claimIdempotencyKey), under
 * a unique (user, key): a double click, a second tab or a retry after a timeout
 * finds it and gets the first result back instead of writing a second row.
 * Every action built with lib/actions/define-action.ts gets this; a data
 * function only has to write its audit row, which every change already does.
 */

export const IDEMPOTENCY_FIELD = "idempotencyKey";
export const IDEMPOTENCY_HEADER = "idempotency-key";
const KEY_FORMAT = /^[A-Za-z0-9_-]{8,100}$/;

/** Keys are kept this long: retries come within minutes; a week covers a laptop closed mid-save. */
const KEEP_DAYS = 7;
/** Old keys are swept after every this many claims in a process (cheap: an index range). */
const SWEEP_EVERY = 200;

type Claim = { userId: string; key: string; claimed: boolean };
const current = new AsyncLocalStorage<Claim>();
let claimsSinceSweep = 0;

/** A repeat of a submission whose first run has committed; thrown inside its transaction to undo it. */
export class RepeatedSubmission extends Error {
  constructor() {
    super("This submission was already stored.");
    this.name = "RepeatedSubmission";
  }
}

/**
 * The key as stored: bound to what was submitted. A repeat of the same submission (same key, same
 * input) finds the first result; the same key with different input (a form edited after a timeout
 * whose write had in fact committed) is a new submission, so an edit is never dropped as "already
 * saved". Stored as a hash: the column never holds client text.
 */
export function bindIdempotencyKey(key: string, input: unknown): string {
  return createHash("sha256").update(key).update("\0").update(canonicalJson(input)).digest("base64url");
}

/** JSON with object keys sorted, so the same input always hashes the same. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_name, inner: unknown) => {
    if (typeof inner === "bigint") return inner.toString();
    if (inner && typeof inner === "object" && !Array.isArray(inner) && !(inner instanceof Date))
      return Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return inner;
  });
}

export function isValidIdempotencyKey(value: unknown): value is string {
  return typeof value === "string" && KEY_FORMAT.test(value);
}

/**
 * Called by writeAudit inside the write's transaction: claims the key of the
 * submission being run (if any, once per submission). A concurrent first run
 * holds the row's lock; this waits for it, and if it committed, gives up the
 * whole transaction with RepeatedSubmission.
 */
export async function claimIdempotencyKey(tx: Prisma.TransactionClient, entity: { type: string; id: string }) {
  const claim = current.getStore();
  if (!claim || claim.claimed) return;
  const { count } = await tx.idempotencyKey.createMany({
    data: [{ userId: claim.userId, key: claim.key, entityType: entity.type, entityId: entity.id }],
    skipDuplicates: true,
  });
  if (count === 0) throw new RepeatedSubmission();
  claim.claimed = true;
}

export type IdempotentOutcome<T> = { data: T; repeated: boolean };

/**
 * Runs a submission once per (user, key): returns the stored result of an
 * earlier run with the same key, or runs `write` and stores its result.
 */
export async function runIdempotent<T>(
  userId: string,
  key: string | undefined,
  write: () => Promise<T>,
): Promise<IdempotentOutcome<T>> {
  if (!key) return { data: await write(), repeated: false };
  const earlier = await storedResult<T>(userId, key);
  if (earlier) return earlier;
  const claim: Claim = { userId, key, claimed: false };
  try {
    const data = await current.run(claim, write);
    if (claim.claimed) await remember(userId, key, data);
    return { data, repeated: false };
  } catch (error) {
    if (!(error instanceof RepeatedSubmission)) throw error;
    return (await storedResult<T>(userId, key, 2_000)) ?? { data: undefined as T, repeated: true };
  }
}

/**
 * The first run's result. It is written just after that run commits (the key
 * row itself commits with the write), so a repeat racing the first waits briefly.
 */
async function storedResult<T>(userId: string, key: string, waitMs = 0): Promise<IdempotentOutcome<T> | null> {
  for (let waited = 0; ; waited += 100) {
    const row = await db().idempotencyKey.findUnique({
      where: { userId_key: { userId, key } },
      select: { result: true, entityId: true },
    });
    if (!row) return null;
    if (row.result !== null || waited >= waitMs)
      return {
        data: (row.result ? (row.result as { data?: unknown }).data : { id: row.entityId }) as T,
        repeated: true,
      };
    await sleep(100);
  }
}

/** Results are kept as JSON; a secret in one (a temporary password) is never stored, so a repeat does not get it. */
const SECRET_KEYS = /password|secret|token|confidential/i;

async function remember(userId: string, key: string, data: unknown): Promise<void> {
  const result = JSON.parse(
    JSON.stringify({ data }, (name, value) => (SECRET_KEYS.test(name) ? undefined : value)),
  ) as Prisma.InputJsonValue;
  // The write is committed; losing this update only costs a repeat the full result (it gets { id }).
  await db()
    .idempotencyKey.update({ where: { userId_key: { userId, key } }, data: { result } })
    .catch(() => undefined);
  if (++claimsSinceSweep >= SWEEP_EVERY) {
    claimsSinceSweep = 0;
    await forgetOldIdempotencyKeys().catch(() => undefined);
  }
}

export async function forgetOldIdempotencyKeys(): Promise<number> {
  const { count } = await db().idempotencyKey.deleteMany({
    where: { createdAt: { lt: new Date(Date.now() - KEEP_DAYS * 86_400_000) } },
  });
  return count;
}
