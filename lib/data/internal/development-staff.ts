// The staff accounts `npm run dev` seeds (seeds/staff.development.json) have published
// passwords. A data folder made in development and then served by `npm start` would
// let anyone sign in with them, so production refuses to start while one is active.
// Run by scripts (serve, user:deactivate-dev) with their own client; no server-only marker.
import { recordOperatorAudit } from "@/lib/audit/record";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** Every development account is on this reserved domain (RFC 2606 `.test`). */
export const DEVELOPMENT_STAFF_DOMAIN = "@parley.test";

/** The one-line fix printed when production finds them. */
export const DEACTIVATE_DEVELOPMENT_STAFF_COMMAND = "npm run user:deactivate-dev";

const developmentStaff = { email: { endsWith: DEVELOPMENT_STAFF_DOMAIN }, active: true } as const;

/** E-mail addresses of development accounts that can still sign in. */
export async function activeDevelopmentStaff(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.user.findMany({
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
export async function deactivateDevelopmentStaff(prisma: PrismaClient): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
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
      await recordOperatorAudit(tx, {
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
