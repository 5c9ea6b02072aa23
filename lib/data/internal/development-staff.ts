import "server-only";
// The staff accounts `npm run dev` seeds (seeds/staff.development.json) have published
// passwords. A data folder made in development and then served by `npm start` would
// let anyone sign in with them, so production refuses to start while one is active.
import { db } from "@/lib/db/client";
import { writeAudit } from "../audit";

/** Every development account is on this reserved domain (RFC 2606 `.test`). */
export const DEVELOPMENT_STAFF_DOMAIN = "@parley.test";

/** The one-line fix printed when production finds them. */
export const DEACTIVATE_DEVELOPMENT_STAFF_COMMAND = "npm run user:deactivate-dev";

const developmentStaff = { email: { endsWith: DEVELOPMENT_STAFF_DOMAIN }, active: true } as const;

/** E-mail addresses of development accounts that can still sign in. */
export async function activeDevelopmentStaff(): Promise<string[]> {
  const rows = await db().user.findMany({
    where: developmentStaff,
    orderBy: { email: "asc" },
    select: { email: true },
  });
  return rows.map((row) => row.email);
}

/**
 * Deactivates them (kept, not deleted: audit entries and developments refer to them)
 * and ends their sessions, with one audit entry each, in one transaction.
 */
export async function deactivateDevelopmentStaff(): Promise<string[]> {
  return db().$transaction(async (tx) => {
    const users = await tx.user.findMany({
      where: developmentStaff,
      orderBy: { email: "asc" },
      select: { id: true, email: true, role: true },
    });
    for (const user of users) {
      await tx.user.update({
        where: { id: user.id },
        data: { active: false, sessionVersion: { increment: 1 }, version: { increment: 1 } },
      });
      await writeAudit(tx, {
        userId: null,
        action: "user.deactivate",
        entityType: "User",
        entityId: user.id,
        before: { role: user.role, active: true },
        after: { role: user.role, active: false },
      });
    }
    return users.map((user) => user.email);
  });
}
