import "server-only";
import { requireAccess } from "@/lib/auth/session";
import { toPartialDateString } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { termsVersionSelect, toTermsVersionView } from "../reader/negotiation";
import { developmentSelect, toDevelopmentView } from "../reader/timeline";
import { citationSnapshotSelect } from "./citations";
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
      version: true,
      participations: {
        orderBy: { position: "asc" },
        select: { id: true, role: true, side: true, archivedAt: true, actor: { select: { id: true, name: true } } },
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
      termsVersions: {
        orderBy: { number: "desc" },
        select: {
          id: true,
          number: true,
          status: true,
          publication: true,
          version: true,
          _count: { select: { citations: true } },
          items: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              countExact: true,
              countMin: true,
              countMax: true,
              countWording: true,
              category: true,
              description: true,
              releasingActorId: true,
              receivingActorId: true,
              releasingActor: { select: { name: true } },
            },
          },
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
      version: true,
      negotiation: { select: { title: true, slug: true } },
      actors: { select: { actorId: true } },
      citations: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { ...citationSnapshotSelect, viaSource: { select: { name: true } } },
      },
      corrections: { orderBy: { correctedAt: "asc" }, select: { id: true, note: true, correctedAt: true } },
    },
  });
  if (!row) throw new NotFoundError("That development does not exist.");
  return {
    ...row,
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

/** Draft terms versions rendered as the reader's terms card will show them: staff only. */
export async function getDraftTermsPreviews(negotiationId: string) {
  await requireAccess("journalist");
  const rows = await db().termsVersion.findMany({
    where: { negotiationId, publication: "DRAFT", archivedAt: null },
    orderBy: { number: "desc" },
    select: termsVersionSelect,
  });
  return rows.map(toTermsVersionView);
}
