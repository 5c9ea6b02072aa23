import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword, verifyPassword } from "./password";
import { accountKey, activeLock, addressKey, clearFailures, recordFailure, signInPolicy, slowdownFor } from "./throttle";

export type SignedInUser = { id: string; email: string; name: string; role: Role; sessionVersion: number };

export type SignInOutcome =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

// Unknown e-mails still pay for one hash check, so timing does not reveal which accounts exist.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword("decoy-password-that-never-matches"));

export async function authenticate(input: { email: string; password: string; address: string }): Promise<SignInOutcome> {
  const keys = [accountKey(input.email), addressKey(input.address)];
  const locked = await activeLock(keys);
  if (locked) return lockedOutcome(locked);

  const user = await db().user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, sessionVersion: true },
  });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoy()), input.password);

  if (!user || !user.passwordHash || !passwordMatches || !user.active) {
    const [account, address] = await Promise.all([
      recordFailure(keys[0]!, signInPolicy.accountLimit),
      recordFailure(keys[1]!, signInPolicy.addressLimit),
    ]);
    await sleep(slowdownFor(Math.max(account.failures, address.failures)));
    const lock = [account.lockedUntil, address.lockedUntil].filter((d): d is Date => d !== null).sort((a, b) => +b - +a)[0];
    return lock ? lockedOutcome(lock) : { ok: false, reason: "invalid" };
  }

  await clearFailures(keys[0]!);
  await db().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() }, select: { id: true } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}

function lockedOutcome(until: Date): SignInOutcome {
  return { ok: false, reason: "locked", retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000)) };
}
