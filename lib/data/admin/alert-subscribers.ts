import "server-only";
import { requireAccess } from "@/lib/auth/session";
import { db } from "@/lib/db/client";

export type SubscriberCount = { negotiationId: string | null; title: string; confirmed: number; pending: number };

/**
 * How many readers follow each negotiation (and all of them), for admins. Counts only: no
 * address ever leaves the subscription table except in the mail sent to it.
 */
export async function countAlertSubscribers(): Promise<SubscriberCount[]> {
  await requireAccess("admin");
  const groups = await db().alertSubscription.groupBy({
    by: ["negotiationId", "confirmedAt"],
    _count: { _all: true },
  });
  const counts = new Map<string | null, { confirmed: number; pending: number }>();
  for (const group of groups) {
    const entry = counts.get(group.negotiationId) ?? { confirmed: 0, pending: 0 };
    if (group.confirmedAt) entry.confirmed += group._count._all;
    else entry.pending += group._count._all;
    counts.set(group.negotiationId, entry);
  }
  const ids = [...counts.keys()].filter((id): id is string => id !== null);
  const titles = new Map(
    (await db().negotiation.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map((n) => [
      n.id,
      n.title,
    ]),
  );
  return [...counts.entries()]
    .map(([negotiationId, entry]) => ({
      negotiationId,
      title: negotiationId ? (titles.get(negotiationId) ?? "(unknown negotiation)") : "Every negotiation",
      ...entry,
    }))
    .sort((a, b) => (a.negotiationId === null ? -1 : b.negotiationId === null ? 1 : a.title.localeCompare(b.title)));
}
