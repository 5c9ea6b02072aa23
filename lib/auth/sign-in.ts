import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword, verifyPassword } from "./password";
import {
  accountKey,
  addressKey,
  clearAttempts,
  countAttempt,
  forgiveAttempt,
  latestLock,
  secondsUntil,
  signInPolicy,
  slowdownFor,
} from "./throttle";

export type SignedInUser = { id: string; email: string; name: string; role: Role; sessionVersion: number };

export type SignInOutcome =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

// Unknown e-mails still pay for one hash check, so timing does not reveal which accounts exist.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword("decoy-password-that-never-matches"));

export async function authenticate(input: {
  email: string;
  password: string;
  address: string;
}): Promise<SignInOutcome> {
  const account = accountKey(input.email);
  const address = addressKey(input.address);
  const counts = await Promise.all([
    countAttempt(account, signInPolicy.accountLimit),
    countAttempt(address, signInPolicy.addressLimit),
  ]);
  const lock = latestLock(...counts);
  if (lock) return { ok: false, reason: "locked", retryAfterSeconds: secondsUntil(lock) };

  const user = await db().user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, sessionVersion: true },
  });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoy()), input.password);

  if (!user || !user.passwordHash || !passwordMatches || !user.active) {
    await sleep(slowdownFor(Math.max(...counts.map((count) => count.attempts))));
    return { ok: false, reason: "invalid" };
  }

  await Promise.all([clearAttempts(account), forgiveAttempt(address)]);
  await db().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() }, select: { id: true } });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}
