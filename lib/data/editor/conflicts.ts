import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { payloadFieldsSchema } from "@/lib/audit/events";
import { ConflictError } from "@/lib/errors";

type Tx = Prisma.TransactionClient;

const time = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

/** Stored field names in the words the forms use ("correctionNote" is "the correction note"). */
const fieldWords: Record<string, string> = {
  occurredOn: "date",
  actorIds: "linked actors",
  citations: "sources",
  stageChange: "stage change",
  correctionNote: "correction note",
  archivedAt: "archive state",
  publication: "publication",
  publishedAt: "publication",
  proposedOn: "proposal date",
  proposedById: "proposed by",
  shortName: "short name",
  publicDescription: "public description",
  ratingRationale: "rating rationale",
  mergedIntoId: "merge",
};

/** Bookkeeping in the audit payload, not something an editor changed. */
const NOT_FIELDS = new Set(["version", "typoOnly"]);

/**
 * The refusal a second editor sees: who saved in between, when, and which
 * fields they changed, so nothing is silently overwritten.
 */
export async function conflictAfter(
  tx: Tx,
  entityType: string,
  entityId: string,
  expectedVersion: number,
): Promise<ConflictError> {
  const entries = await tx.auditEntry.findMany({
    where: { entityType, entityId, after: { path: ["version"], gt: expectedVersion } },
    orderBy: { at: "asc" },
    select: { at: true, before: true, after: true, user: { select: { name: true } } },
  });
  const changed = new Set<string>();
  for (const entry of entries) {
    // Only which top-level fields differ matters here, whichever event wrote the row.
    const before = payloadFieldsSchema.parse(entry.before);
    const after = payloadFieldsSchema.parse(entry.after);
    for (const key of Object.keys(after))
      if (!NOT_FIELDS.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed.add(key);
  }
  const last = entries.at(-1);
  const who = last ? `${last.user?.name ?? "Someone"} saved this at ${time.format(last.at)} UTC` : "Someone saved this";
  const words = [...new Set([...changed].map((key) => fieldWords[key] ?? key))];
  const what = words.length > 0 ? ` (changed: ${words.join(", ")})` : "";
  // The development form keeps a browser copy that merges three ways; other forms keep what was typed.
  const next =
    entityType === "Development"
      ? "Your edits are kept below and in this browser: choose “Merge with the saved version” to see both side by side."
      : "Your edits are kept below: reload to see the current version, then apply them again.";
  return new ConflictError(`${who} while you were editing${what}. ${next}`);
}
