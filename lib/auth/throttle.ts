import "server-only";
import { isIPv6 } from "node:net";
import { db } from "@/lib/db/client";

/**
 * Attempts are counted before the password is checked, so a burst of parallel
 * requests cannot slip past the limit. Answers slow down after a few failures;
 * beyond the limit the key is refused for a while. Counting happens in one
 * PostgreSQL function under a row lock (migration sign_in_attempt_function),
 * so every app instance shares the counters.
 */
export const signInPolicy = {
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
  /** Failed attempts allowed per window; the next attempt is refused. */
  accountLimit: 5,
  addressLimit: 20,
  passwordChangeLimit: 5,
  slowAfter: 2,
  slowStepMs: 400,
  maxDelayMs: 3000,
};

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const addressKey = (address: string) => `address:${addressBucket(address)}`;

/**
 * What one client controls: an IPv4 address, or an IPv6 /64 (one subnet; a host picks any of its
 * 2^64 addresses, so counting whole addresses would never reach the limit). IPv4-mapped IPv6
 * (`::ffff:192.0.2.1`) counts as the IPv4 address.
 */
export function addressBucket(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  const bare = address.replace(/%.*$/, "");
  if (!isIPv6(bare)) return address;
  const [head = "", tail = ""] = bare.toLowerCase().split("::");
  const groups = (part: string) => (part ? part.split(":") : []).flatMap(fromIPv4Tail);
  const front = groups(head);
  const back = bare.includes("::") ? groups(tail) : [];
  const full = [...front, ...Array<string>(8 - front.length - back.length).fill("0"), ...back];
  return `${full
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** "192.0.2.1" at the end of an IPv6 address is two 16-bit groups. */
function fromIPv4Tail(group: string): string[] {
  if (!group.includes(".")) return [group];
  const [a, b, c, d] = group.split(".").map(Number) as [number, number, number, number];
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
export const passwordChangeKey = (userId: string) => `password-change:${userId}`;

/** Extra wait before answering a failure, growing with consecutive attempts. */
export function slowdownFor(attempts: number, policy = signInPolicy): number {
  if (attempts <= policy.slowAfter) return 0;
  return Math.min(policy.slowStepMs * 2 ** (attempts - policy.slowAfter - 1), policy.maxDelayMs);
}

export type AttemptCount = { attempts: number; lockedUntil: Date | null };

export async function countAttempt(key: string, limit: number, policy = signInPolicy): Promise<AttemptCount> {
  const rows = await db().$queryRaw<Array<{ attempts: number; locked_until: Date | null }>>`
    SELECT attempts, locked_until FROM count_sign_in_attempt(${key}, ${limit}::integer, ${policy.windowSeconds}::integer, ${policy.lockSeconds}::integer)`;
  const row = rows[0]!;
  return { attempts: row.attempts, lockedUntil: row.locked_until };
}

/** A success: the account starts afresh. */
export async function clearAttempts(key: string): Promise<void> {
  await db().$executeRaw`DELETE FROM "SignInThrottle" WHERE key = ${key}`;
}

/** A success from a shared address (a newsroom's NAT) gives back the attempt it used, without wiping others' failures. */
export async function forgiveAttempt(key: string): Promise<void> {
  await db()
    .$executeRaw`UPDATE "SignInThrottle" SET failures = GREATEST(failures - 1, 0) WHERE key = ${key} AND "lockedUntil" IS NULL`;
}

export function latestLock(...counts: AttemptCount[]): Date | null {
  const locks = counts
    .map((count) => count.lockedUntil)
    .filter((date): date is Date => date !== null && date.getTime() > Date.now());
  return locks.sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
}

export function secondsUntil(date: Date): number {
  return Math.max(1, Math.ceil((date.getTime() - Date.now()) / 1000));
}
