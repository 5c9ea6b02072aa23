import "server-only";
import { requireAccess } from "@/lib/auth/session";
import { toPartialDateString } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { loadLedger, phaseFieldsSelect } from "../reader/ledger";
import { developmentSelect, toDevelopmentView } from "../reader/timeline";
import { citationSnapshotSelect } from "./citations";
import { transferSnapshot, transferSnapshotSelect } from "./transfers";
import { likeLiteral, searchTerm } from "@/lib/validation/common";

/** Everything the editor shows for one negotiation, drafts and archived records included. */
export async function getNegotiationWorkspace(negotiationId: string) {
  await requireAccess("journalist");
  const negotiation = await db().negotiation.findUnique({
    where: { id: negotiationId },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      region: true,
      country: true,
      stage: true,
      publication: true,
      archivedAt: true,
      version: true,
      participations: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          role: true,
          side: true,
          description: true,
          archivedAt: true,
          actor: { select: { id: true, name: true, slug: true, shortName: true, kind: true } },
        },
      },
      figures: {
        orderBy: { position: "asc" },
        select: { id: true, label: true, _count: { select: { claims: true } } },
      },
      developments: {
        orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
        select: {
          id: true,
          title: true,
          occurredOn: true,
          occurredPrecision: true,
          publication: true,
          archivedAt: true,
          version: true,
          _count: { select: { citations: true, corrections: true } },
        },
      },
      phases: {
        orderBy: { number: "asc" },
        select: { ...phaseFieldsSelect, version: true },
      },
      termsVersions: {
        orderBy: [{ phase: { number: "asc" } }, { number: "desc" }],
        select: {
          id: true,
          number: true,
          phaseId: true,
          status: true,
          publication: true,
          version: true,
          supersededBy: { select: { id: true } },
          _count: { select: { citations: true, developments: true } },
        },
      },
    },
  });
  if (!negotiation) throw new NotFoundError("That negotiation does not exist.");
  return negotiation;
}

export type NegotiationWorkspace = Awaited<ReturnType<typeof getNegotiationWorkspace>>;

/** A development as its edit form needs it. */
export async function getDevelopmentForEditing(developmentId: string) {
  await requireAccess("journalist");
  const row = await db().development.findUnique({
    where: { id: developmentId },
    select: {
      id: true,
      negotiationId: true,
      title: true,
      summary: true,
      kind: true,
      occurredOn: true,
      occurredPrecision: true,
      publication: true,
      archivedAt: true,
      singleAnonymousSource: true,
      keyEvent: true,
      place: true,
      placeCountry: true,
      placeLatitude: true,
      placeLongitude: true,
      version: true,
      negotiation: { select: { title: true, slug: true } },
      actors: { select: { actorId: true } },
      citations: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { ...citationSnapshotSelect, viaSource: { select: { name: true } } },
      },
      corrections: { orderBy: { correctedAt: "asc" }, select: { id: true, note: true, correctedAt: true } },
      stageChange: { select: { stage: true } },
      transfers: { orderBy: [{ position: "asc" }, { id: "asc" }], select: transferSnapshotSelect },
    },
  });
  if (!row) throw new NotFoundError("That development does not exist.");
  return {
    ...row,
    transfers: row.transfers.map(transferSnapshot),
    occurredOnText: toPartialDateString(row.occurredOn, row.occurredPrecision),
    citations: row.citations.map((c) => ({
      sourceId: c.sourceId,
      sourceName: c.source.name,
      viaSourceId: c.viaSourceId ?? "",
      viaSourceName: c.viaSource?.name ?? "",
      attribution: c.attribution,
      url: c.url ?? "",
      excerpt: c.excerpt,
      publishedOn: c.publishedOn ? toPartialDateString(c.publishedOn, "DAY") : "",
      assessment: c.assessment,
    })),
  };
}

export type SourceOption = { id: string; name: string; kind: string; reliability: string; status: string };

/** Type-ahead over sources: prefix matches first, then anywhere in the name; staff only. */
export async function searchSources(query: string, limit = 10): Promise<SourceOption[]> {
  await requireAccess("journalist");
  const text = searchTerm(query, 100);
  if (!text) return [];
  const select = { id: true, name: true, kind: true, reliability: true, status: true } as const;
  const where = { mergedIntoId: null, status: { not: "ARCHIVED" as const } };
  const prefix = await db().source.findMany({
    where: { ...where, name: { startsWith: likeLiteral(text), mode: "insensitive" } },
    orderBy: { name: "asc" },
    take: limit,
    select,
  });
  if (prefix.length >= limit) return prefix;
  const anywhere = await db().source.findMany({
    where: {
      ...where,
      name: { contains: likeLiteral(text), mode: "insensitive" },
      id: { notIn: prefix.map((s) => s.id) },
    },
    orderBy: { name: "asc" },
    take: limit - prefix.length,
    select,
  });
  return [...prefix, ...anywhere];
}

/** Actors for the editor's pickers, by name (at most 500; type-ahead would replace this for larger registries). */
export async function listActorOptions() {
  await requireAccess("journalist");
  return db().actor.findMany({
    where: { archivedAt: null },
    orderBy: { name: "asc" },
    take: 500,
    select: { id: true, name: true },
  });
}

/** A development rendered exactly as readers will see it, drafts included: staff only. */
export async function getDevelopmentPreview(developmentId: string) {
  await requireAccess("journalist");
  const row = await db().development.findUnique({ where: { id: developmentId }, select: developmentSelect });
  return row ? toDevelopmentView(row) : null;
}

/**
 * The ledger with drafts included, as readers would see it once everything is published:
 * phases, obligations, transfers and per-side totals. Staff only.
 */
export async function getStaffLedger(negotiationId: string) {
  await requireAccess("journalist");
  return loadLedger(negotiationId, "staff");
}

/**
 * A negotiation, drafts included, as readers will see it once everything is published:
 * the ledger and every unarchived development, newest first. Staff only.
 */
export async function getNegotiationPreview(negotiationId: string) {
  await requireAccess("journalist");
  const [ledger, developments] = await Promise.all([
    loadLedger(negotiationId, "staff"),
    db().development.findMany({
      where: { negotiationId, archivedAt: null },
      orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
      select: developmentSelect,
    }),
  ]);
  return { ...ledger, developments: developments.map((row) => toDevelopmentView(row)) };
}

/** What a transfer can be recorded against: every obligation in the newest terms of each phase. */
export async function listObligationChoices(negotiationId: string) {
  const { phases } = await getStaffLedger(negotiationId);
  return phases.flatMap((phase) =>
    (phase.current?.obligations ?? []).map((o) => ({
      id: o.id,
      label: `${phases.length > 1 ? `${phase.name || `Phase ${phase.number}`}: ` : ""}${o.releasing.name} releases ${o.text} to ${o.receiving.name}${o.withdrawn ? " (withdrawn)" : ""}`,
    })),
  );
}

/**
 * Actors for a negotiation's pickers: its participants first (parties, then mediators and
 * intermediaries), then every other actor one step away.
 */
export async function listActorOptionsFor(negotiationId: string) {
  await requireAccess("journalist");
  const [participants, all] = await Promise.all([
    db().participation.findMany({
      where: { negotiationId, archivedAt: null, actor: { archivedAt: null } },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { role: true, actor: { select: { id: true, name: true } } },
    }),
    listActorOptions(),
  ]);
  const seen = new Set<string>();
  const involved = participants
    .filter((p) => !seen.has(p.actor.id) && seen.add(p.actor.id))
    .map((p) => ({ ...p.actor, role: p.role }));
  return { involved, others: all.filter((a) => !seen.has(a.id)) };
}

export type ActorOptions = Awaited<ReturnType<typeof listActorOptionsFor>>;
