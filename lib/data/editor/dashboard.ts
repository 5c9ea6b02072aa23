import "server-only";
import { requireAccess } from "@/lib/auth/session";
import { db } from "@/lib/db/client";

/** The signed-in journalist's unpublished developments. */
export async function listMyDrafts() {
  const me = await requireAccess("journalist");
  return db().development.findMany({
    where: { createdById: me.id, publication: "DRAFT", archivedAt: null },
    orderBy: { updatedAt: "desc" },
    take: 20,
    select: { id: true, title: true, updatedAt: true, negotiation: { select: { title: true } } },
  });
}

/** What the newsroom changed most recently (the audit trail, editorial entries only). */
export async function listRecentActivity(limit = 15) {
  await requireAccess("journalist");
  return db().auditEntry.findMany({
    where: {
      entityType: { in: ["Negotiation", "Development", "TermsVersion", "FigureClaim", "Participation"] },
      userId: { not: null },
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      at: true,
      action: true,
      entityType: true,
      entityId: true,
      user: { select: { name: true } },
      negotiation: { select: { id: true, title: true } },
    },
  });
}
