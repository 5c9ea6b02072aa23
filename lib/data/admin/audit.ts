import "server-only";
import { parseAuditRow, payloadFieldsSchema } from "@/lib/audit/events";
import { auditEventLabel } from "@/lib/audit/labels";
import { requireAccess } from "@/lib/auth/session";
import { toCsv } from "@/lib/csv";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AUDIT_MAX_PAGE_SIZE, AUDIT_PAGE_SIZE, type AuditFilter } from "@/lib/validation/audit";

export type AuditQuery = Omit<AuditFilter, "limit" | "cursor">;
export type AuditPageQuery = AuditQuery & { cursor?: bigint; limit?: number };

export type AuditEntryView = {
  id: string;
  at: string;
  action: string;
  /** The action in words ("Arabic translation revised: Development title"); null for a row no event schema describes. */
  label: string | null;
  entityType: string;
  entityId: string;
  userName: string;
  userEmail: string | null;
  negotiation: { id: string; title: string } | null;
  changedFields: string[];
  /** Before and after with confidential values replaced: safe to show and export. */
  before: unknown;
  after: unknown;
  /** False for a row no event schema describes (written by older code): shown as stored. */
  described: boolean;
  /** Personal data: shown in the admin audit log only, never exported. */
  clientAddress: string | null;
  userAgent: string | null;
};

export const SYSTEM_USER_LABEL = "System / seed";
export const CSV_ROW_CAP = 10_000;
export const REDACTED = "[confidential]";

const entrySelect = {
  id: true,
  at: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  clientAddress: true,
  userAgent: true,
  user: { select: { name: true, email: true } },
  negotiation: { select: { id: true, title: true } },
} as const;

type EntryRow = Prisma.AuditEntryGetPayload<{ select: typeof entrySelect }>;

/** Newest first, keyset-paginated: `nextCursor` is the id to pass back for the following page. */
export async function listAuditEntries(
  filter: AuditPageQuery,
): Promise<{ entries: AuditEntryView[]; nextCursor: bigint | null }> {
  await requireAccess("admin");
  const limit = Math.min(Math.max(Math.trunc(filter.limit ?? AUDIT_PAGE_SIZE), 1), AUDIT_MAX_PAGE_SIZE);
  const keyset = await keysetAfter(filter.cursor);
  if (!keyset) return { entries: [], nextCursor: null };
  const rows = await db().auditEntry.findMany({
    where: { AND: [whereFor(filter), keyset] },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: entrySelect,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { entries: page.map(toView), nextCursor: rows.length > limit && last ? last.id : null };
}

/** Choices for the filter form. */
export async function listAuditFilterOptions() {
  await requireAccess("admin");
  const [users, negotiations, types] = await Promise.all([
    db().user.findMany({ select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    db().negotiation.findMany({ select: { id: true, title: true }, orderBy: [{ title: "asc" }, { id: "asc" }] }),
    // groupBy runs as SQL GROUP BY; Prisma's `distinct` would de-duplicate in memory.
    db().auditEntry.groupBy({ by: ["entityType"], orderBy: { entityType: "asc" } }),
  ]);
  return { users, negotiations, entityTypes: types.map((t) => t.entityType) };
}

/** The filtered entries as CSV, newest first, at most CSV_ROW_CAP rows; cursor and page size do not apply. */
export async function auditEntriesCsv(filter: AuditQuery): Promise<string> {
  await requireAccess("admin");
  const rows = await db().auditEntry.findMany({
    where: whereFor(filter),
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: CSV_ROW_CAP,
    select: entrySelect,
  });
  const header = [
    "id",
    "at",
    "user",
    "action",
    "entityType",
    "entityId",
    "negotiation",
    "changedFields",
    "before",
    "after",
  ];
  const lines = rows
    .map(toView)
    .map((e) => [
      e.id,
      e.at,
      e.userEmail ? `${e.userName} <${e.userEmail}>` : e.userName,
      e.action,
      e.entityType,
      e.entityId,
      e.negotiation?.title ?? "",
      e.changedFields.join("; "),
      e.before === null ? "" : JSON.stringify(e.before),
      e.after === null ? "" : JSON.stringify(e.after),
    ]);
  return toCsv(header, lines);
}

const ALWAYS_CONFIDENTIAL = new Set(["confidentialnotes", "contactconditions"]);
const CONFIDENTIAL_CONTAINERS = new Set(["confidential", "sourceconfidential"]);
const normaliseKey = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * Replaces confidential source notes anywhere in an audit JSON value. `notes` is only
 * secret on a SourceConfidential record (or nested under `confidential`), so other
 * entities' notes stay readable. Key matching ignores case and separators to fail closed.
 */
export function redactAuditJson(value: unknown, entityType?: string): unknown {
  return redact(value, entityType === "SourceConfidential");
}

function redact(value: unknown, insideConfidential: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => redact(item, insideConfidential));
  if (!isRecord(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const normal = normaliseKey(key);
    const secret = ALWAYS_CONFIDENTIAL.has(normal) || (insideConfidential && normal === "notes");
    result[key] = secret ? REDACTED : redact(inner, insideConfidential || CONFIDENTIAL_CONTAINERS.has(normal));
  }
  return result;
}

/** Top-level keys whose JSON differs between before and after; "version" always changes, so it is noise. */
function changedFields(before: unknown, after: unknown): string[] {
  const b = payloadFieldsSchema.parse(before);
  const a = payloadFieldsSchema.parse(after);
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  return [...keys].filter((key) => key !== "version" && stableJson(b[key]) !== stableJson(a[key])).sort();
}

function toView(row: EntryRow): AuditEntryView {
  const event = parseAuditRow(row);
  const before = event ? ("before" in event ? event.before : null) : row.before;
  const after = event ? ("after" in event ? event.after : null) : row.after;
  return {
    id: row.id.toString(),
    at: row.at.toISOString(),
    action: row.action,
    label: event ? auditEventLabel(event) : null,
    entityType: row.entityType,
    entityId: row.entityId,
    userName: row.user?.name ?? SYSTEM_USER_LABEL,
    userEmail: row.user?.email ?? null,
    negotiation: row.negotiation,
    // Field names are computed from the raw values so a confidential change still shows as changed.
    changedFields: changedFields(before, after),
    before: redactAuditJson(before ?? null, row.entityType),
    after: redactAuditJson(after ?? null, row.entityType),
    described: event !== null,
    clientAddress: row.clientAddress,
    userAgent: row.userAgent,
  };
}

function whereFor(filter: AuditQuery): Prisma.AuditEntryWhereInput {
  return {
    ...(filter.userId ? { userId: filter.userId } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.negotiationId ? { negotiationId: filter.negotiationId } : {}),
    ...(filter.from || filter.to
      ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } }
      : {}),
  };
}

/**
 * Rows strictly after the cursor row in (at desc, id desc) order. Ids alone are not
 * enough: `at` can disagree with insertion order. Null when the cursor names no row.
 */
async function keysetAfter(cursor: bigint | undefined): Promise<Prisma.AuditEntryWhereInput | null> {
  if (cursor === undefined) return {};
  const row = await db().auditEntry.findUnique({ where: { id: cursor }, select: { at: true } });
  if (!row) return null;
  return { OR: [{ at: { lt: row.at } }, { at: row.at, id: { lt: cursor } }] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON with object keys sorted, so key order never counts as a change. */
function stableJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isRecord(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : inner,
  );
}
