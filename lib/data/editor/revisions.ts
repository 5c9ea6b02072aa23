import "server-only";
import { requireAccess } from "@/lib/auth/session";
import { parsePartialDate } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { parseAuditRow, payloadFieldsSchema, storedQuantitySchema, type DevelopmentRevision } from "@/lib/audit/events";
import { formatQuantity } from "@/lib/ledger/quantity";
import { NotFoundError } from "@/lib/errors";
import { updateDevelopment } from "./developments";

/**
 * The development facts a revision recorded, parsed with its event's schema; null when the
 * row is not a development revision (or records no facts, or only ones a quantity is missing from).
 */
function revisionFacts(row: Parameters<typeof parseAuditRow>[0]): DevelopmentRevision | null {
  const event = parseAuditRow(row);
  if (!event || event.action === "seed.create" || event.entityType !== "Development" || !("after" in event))
    return null;
  const facts = event.after;
  const complete = facts.transfers.every((t) => t.quantity && t.accounts.every((a) => a.quantity));
  return complete ? facts : null;
}

export type Revision = {
  id: string;
  at: string;
  action: string;
  userName: string;
  changes: Array<{ field: string; before: string; after: string }>;
  restorable: boolean;
};

/** A recorded value in words: names for actor ids, counts for transfers, sources for citations. */
function display(field: string, value: unknown, actorNames: Map<string, string>): string {
  if (value === null || value === undefined || value === "") return "—";
  if (field === "keyEvent") return value === true ? "Key event" : "Not a key event";
  if (field === "actorIds" && Array.isArray(value))
    return value.map((id) => actorNames.get(String(id)) ?? "an actor no longer listed").join(", ") || "—";
  if (field === "transfers" && Array.isArray(value)) {
    const counts = value.map((t) => {
      const quantity = storedQuantitySchema.safeParse((t as { quantity?: unknown }).quantity);
      return quantity.success ? formatQuantity(quantity.data) : "an unrecorded number";
    });
    return counts.length === 0
      ? "—"
      : `${counts.length} transfer${counts.length === 1 ? "" : "s"} (${counts.join(", ")})`;
  }
  if (Array.isArray(value)) {
    return (
      value
        .map((v) =>
          typeof v === "object" && v && "attribution" in v
            ? `${(v as { sourceName?: string }).sourceName ?? "?"}: “${(v as { attribution: string }).attribution}”`
            : String(v),
        )
        .join("; ") || "—"
    );
  }
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** Every actor id a set of revision payloads mentions, with its current name. */
async function actorNamesIn(payloads: Array<Record<string, unknown>>): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const payload of payloads)
    if (Array.isArray(payload.actorIds)) for (const id of payload.actorIds) ids.add(String(id));
  if (ids.size === 0) return new Map();
  const rows = await db().actor.findMany({
    where: { id: { in: [...ids].filter((id) => /^[0-9a-f-]{36}$/i.test(id)) } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Every saved revision of a development, newest first, with a readable field-by-field difference. */
export async function listDevelopmentRevisions(developmentId: string): Promise<Revision[]> {
  await requireAccess("journalist");
  const entries = await db().auditEntry.findMany({
    where: { entityType: "Development", entityId: developmentId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: {
      id: true,
      at: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      user: { select: { name: true } },
    },
  });
  // Fields are listed from the raw payloads, so a row no schema describes still shows its changes.
  const payloads = entries.map((entry) => ({
    before: payloadFieldsSchema.parse(entry.before),
    after: payloadFieldsSchema.parse(entry.after),
  }));
  const actorNames = await actorNamesIn(payloads.flatMap((p) => [p.before, p.after]));
  return entries.map((entry, index) => {
    const { before, after } = payloads[index]!;
    const fields = Object.keys(after).filter(
      (key) => key !== "version" && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
    );
    return {
      id: entry.id.toString(),
      at: entry.at.toISOString(),
      action: entry.action,
      userName: entry.user?.name ?? "Seed import",
      changes: fields.map((field) => ({
        field,
        before: display(field, before[field], actorNames),
        after: display(field, after[field], actorNames),
      })),
      restorable: revisionFacts(entry) !== null,
    };
  });
}

/** Brings back the facts as they were after a past revision, as a new revision (history only grows). */
export async function restoreDevelopmentRevision(input: {
  developmentId: string;
  version: number;
  revisionId: bigint;
  correctionNote: string;
  typoOnly: boolean;
}) {
  await requireAccess("journalist");
  const entry = await db().auditEntry.findFirst({
    where: { id: input.revisionId, entityType: "Development", entityId: input.developmentId },
    select: { action: true, entityType: true, entityId: true, before: true, after: true },
  });
  const snapshot = entry ? revisionFacts(entry) : null;
  if (!snapshot) throw new NotFoundError("That revision cannot be restored.");
  // The key-event mark is emphasis, not a fact: restoring facts keeps the current mark.
  const current = await db().development.findUnique({ where: { id: input.developmentId }, select: { keyEvent: true } });
  return updateDevelopment({
    developmentId: input.developmentId,
    version: input.version,
    title: snapshot.title,
    summary: snapshot.summary,
    kind: snapshot.kind,
    occurredOn: parsePartialDate(snapshot.occurredOn)!,
    actorIds: snapshot.actorIds,
    citations: snapshot.citations.map((c) => ({
      sourceId: c.sourceId,
      viaSourceId: c.viaSourceId ?? undefined,
      attribution: c.attribution,
      url: c.url ?? undefined,
      excerpt: c.excerpt,
      publishedOn: c.publishedOn ? parsePartialDate(c.publishedOn)! : undefined,
      assessment: c.assessment,
    })),
    stageChange: snapshot.stageChange ?? undefined,
    keyEvent: current?.keyEvent ?? false,
    place: snapshot.place,
    placeCountry: snapshot.placeCountry ?? undefined,
    placeLatitude: snapshot.placeLatitude ?? undefined,
    placeLongitude: snapshot.placeLongitude ?? undefined,
    transfers: snapshot.transfers.map((t) => ({
      obligationId: t.obligationId,
      quantity: t.quantity!,
      occurredOn: t.occurredOn ? parsePartialDate(t.occurredOn)! : undefined,
      place: t.place,
      placeCountry: t.placeCountry ?? undefined,
      placeLatitude: t.placeLatitude ?? undefined,
      placeLongitude: t.placeLongitude ?? undefined,
      intermediaryId: t.intermediaryId ?? undefined,
      note: t.note,
      accounts: t.accounts.map((a) => ({
        attribution: a.attribution,
        attributedToId: a.attributedToId ?? undefined,
        sourceId: a.sourceId ?? undefined,
        sourceUrl: a.sourceUrl ?? undefined,
        quantity: a.quantity!,
      })),
    })),
    // Restoring brings back what was recorded; the over-agreed confirmation was given then.
    confirmOverAgreed: true,
    correctionNote: input.correctionNote,
    typoOnly: input.typoOnly,
  });
}
