import "server-only";
import { db } from "@/lib/db/client";

/**
 * Failed sign-ins are slowed after a few tries, then refused for a while,
 * per account and per address. Counters live in PostgreSQL and are updated
 * with single atomic statements, so several app instances share them.
 */
export const signInPolicy = {
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
  accountLimit: 5,
  addressLimit: 20,
  slowAfter: 2,
  slowStepMs: 400,
  maxDelayMs: 3000,
};

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

/** Extra wait before answering, growing with consecutive failures. */
export function slowdownFor(failures: number, policy = signInPolicy): number {
  if (failures <= policy.slowAfter) return 0;
  return Math.min(policy.slowStepMs * 2 ** (failures - policy.slowAfter - 1), policy.maxDelayMs);
}

/** The latest lock among the keys that is still in force, if any. */
export async function activeLock(keys: string[]): Promise<Date | null> {
  const rows = await db().$queryRaw<Array<{ until: Date | null }>>`
    SELECT max("lockedUntil") AS until FROM "SignInThrottle" WHERE key = ANY(${keys}) AND "lockedUntil" > now()`;
  return rows[0]?.until ?? null;
}

export async function recordFailure(key: string, limit: number, policy = signInPolicy): Promise<{ failures: number; lockedUntil: Date | null }> {
  // A new window starts when the old one has passed or a lock has expired.
  const rows = await db().$queryRaw<Array<{ failures: number; lockedUntil: Date | null }>>`
    INSERT INTO "SignInThrottle" AS t (key, failures, "windowStartedAt", "lockedUntil", "updatedAt")
    VALUES (${key}, 1, now(), CASE WHEN 1 >= ${limit} THEN now() + make_interval(secs => ${policy.lockSeconds}) END, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t."windowStartedAt" < now() - make_interval(secs => ${policy.windowSeconds}) OR t."lockedUntil" <= now()
                      THEN 1 ELSE t.failures + 1 END,
      "windowStartedAt" = CASE WHEN t."windowStartedAt" < now() - make_interval(secs => ${policy.windowSeconds}) OR t."lockedUntil" <= now()
                      THEN now() ELSE t."windowStartedAt" END,
      "lockedUntil" = CASE
        WHEN t."lockedUntil" > now() THEN t."lockedUntil"
        WHEN (CASE WHEN t."windowStartedAt" < now() - make_interval(secs => ${policy.windowSeconds}) OR t."lockedUntil" <= now()
                   THEN 1 ELSE t.failures + 1 END) >= ${limit}
        THEN now() + make_interval(secs => ${policy.lockSeconds})
        ELSE NULL END,
      "updatedAt" = now()
    RETURNING failures, "lockedUntil"`;
  return rows[0]!;
}

export async function clearFailures(key: string): Promise<void> {
  await db().$executeRaw`DELETE FROM "SignInThrottle" WHERE key = ${key}`;
}
