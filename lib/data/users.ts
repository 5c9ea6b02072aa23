import "server-only";
import { randomBytes } from "node:crypto";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { requireAccess } from "@/lib/auth/session";
import { clearAttempts, countAttempt, passwordChangeKey, secondsUntil, signInPolicy } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { ForbiddenError, NotFoundError, RuleViolationError } from "@/lib/errors";
import { writeAudit } from "./audit";
import { insertStaffUser, staffFields, type NewStaff, type StaffMember } from "./internal/staff-accounts";

export type { StaffMember };

export async function listStaff(): Promise<StaffMember[]> {
  await requireAccess("admin");
  return db().user.findMany({ select: staffFields, orderBy: [{ active: "desc" }, { name: "asc" }] });
}

/**
 * Changes the signed-in user's own password and bumps sessionVersion, which
 * signs out every other session. Returns the new version for the caller's cookie.
 */
export async function changeOwnPassword(input: {
  currentPassword: string;
  newPassword: string;
}): Promise<{ sessionVersion: number }> {
  const me = await requireAccess("user");
  // A borrowed session must not become a way to guess the password (or to load the server with hashing).
  const attempt = await countAttempt(passwordChangeKey(me.id), signInPolicy.passwordChangeLimit);
  if (attempt.lockedUntil) {
    const minutes = Math.ceil(secondsUntil(attempt.lockedUntil) / 60);
    throw new RuleViolationError(
      `Too many wrong attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      "currentPassword",
    );
  }
  const stored = await db().user.findUnique({ where: { id: me.id }, select: { passwordHash: true } });
  if (!stored?.passwordHash || !(await verifyPassword(stored.passwordHash, input.currentPassword))) {
    throw new RuleViolationError("That is not your current password.", "currentPassword");
  }
  await clearAttempts(passwordChangeKey(me.id));
  const passwordHash = await hashPassword(input.newPassword);
  return db().$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: me.id },
      data: { passwordHash, sessionVersion: { increment: 1 }, version: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await writeAudit(tx, { userId: me.id, action: "user.password.change", entityType: "User", entityId: me.id });
    return updated;
  });
}

/** Creates a staff account as an admin. */
export async function createStaffUser(input: NewStaff): Promise<StaffMember> {
  const admin = await requireAccess("admin");
  return insertStaffUser(db(), input, admin.id, writeAudit);
}

export async function setUserRole(input: { userId: string; role: Role }): Promise<StaffMember> {
  const admin = await requireAccess("admin");
  if (input.userId === admin.id && input.role !== "ADMIN") {
    throw new RuleViolationError("You cannot remove your own admin role; ask another admin.", "role");
  }
  return changeStaff(admin.id, input.userId, "user.role.change", { role: input.role });
}

export async function setUserActive(input: { userId: string; active: boolean }): Promise<StaffMember> {
  const admin = await requireAccess("admin");
  if (input.userId === admin.id && !input.active) {
    throw new RuleViolationError("You cannot deactivate your own account.", "active");
  }
  // Deactivation also ends the user's sessions at their next request.
  const data = input.active ? { active: true } : { active: false, sessionVersion: { increment: 1 } };
  return changeStaff(admin.id, input.userId, input.active ? "user.reactivate" : "user.deactivate", data);
}

async function changeStaff(
  actorId: string,
  userId: string,
  action: "user.role.change" | "user.deactivate" | "user.reactivate",
  data: Prisma.UserUpdateInput,
): Promise<StaffMember> {
  return db().$transaction(async (tx) => {
    // Locking the active admins serialises concurrent changes, so two admins
    // demoting each other at once cannot leave the newsroom with none.
    const admins = await tx.$queryRaw<
      Array<{ id: string }>
    >`SELECT id FROM "User" WHERE role = 'ADMIN' AND active FOR UPDATE`;
    // Re-checked under the lock: an admin demoted a moment ago cannot make one last change.
    if (!admins.some((admin) => admin.id === actorId)) throw new ForbiddenError("Only admins can do this.");
    const before = await tx.user.findUnique({ where: { id: userId }, select: staffFields });
    if (!before) throw new NotFoundError("That staff account does not exist.");
    const after = await tx.user.update({
      where: { id: userId },
      data: { ...data, version: { increment: 1 } },
      select: staffFields,
    });
    const stillAdmin = after.role === "ADMIN" && after.active;
    if (before.role === "ADMIN" && before.active && !stillAdmin && admins.length <= 1) {
      throw new RuleViolationError("This is the last active admin; make someone else admin first.");
    }
    await writeAudit(tx, {
      userId: actorId,
      action,
      entityType: "User",
      entityId: userId,
      before: { role: before.role, active: before.active },
      after: { role: after.role, active: after.active },
    });
    return after;
  });
}

/**
 * Sets a random temporary password, shown once to the admin to pass on, and
 * signs the user out everywhere. The password itself is never stored or logged.
 */
export async function resetUserPassword(input: { userId: string }): Promise<{ temporaryPassword: string }> {
  const admin = await requireAccess("admin");
  const temporaryPassword = randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(temporaryPassword);
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) throw new NotFoundError("That staff account does not exist.");
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, sessionVersion: { increment: 1 }, version: { increment: 1 } },
    });
    await writeAudit(tx, { userId: admin.id, action: "user.password.reset", entityType: "User", entityId: user.id });
  });
  await clearAttempts(passwordChangeKey(input.userId));
  return { temporaryPassword };
}
