import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cachedReader, readerTags } from "./cache";
import { toTransferView, transferSelect } from "./ledger";
import { iso, isoOrNull, placeColumnsSelect, toActorRef, toPlaceView, toPublicCitation } from "./map";
import { actorSummarySelect, citationOrder, publicCitationSelect, publicRow } from "./public-selects";
import type { DevelopmentView, TimelinePage } from "./types";

export const TIMELINE_PAGE_SIZE = 20;
export type TimelineOrder = "newest" | "oldest";

const developmentSelect = {
  id: true,
  occurredOn: true,
  occurredPrecision: true,
  occurredAt: true,
  reportedAt: true,
  title: true,
  summary: true,
  kind: true,
  singleAnonymousSource: true,
  keyEvent: true,
  ...placeColumnsSelect,
  publishedAt: true,
  updatedAt: true,
  actors: { select: { actor: { select: actorSummarySelect } } },
  citations: { orderBy: citationOrder, select: publicCitationSelect },
  corrections: { orderBy: { correctedAt: "asc" }, select: { id: true, note: true, correctedAt: true } },
  transfers: { orderBy: [{ position: "asc" }, { id: "asc" }], select: transferSelect },
  stageChange: { select: { stage: true } },
} satisfies Prisma.DevelopmentSelect;

type DevelopmentRow = Prisma.DevelopmentGetPayload<{ select: typeof developmentSelect }>;

function toDevelopmentView(row: DevelopmentRow): DevelopmentView {
  return {
    id: row.id,
    occurredOn: iso(row.occurredOn),
    occurredPrecision: row.occurredPrecision,
    occurredAt: isoOrNull(row.occurredAt),
    reportedAt: isoOrNull(row.reportedAt),
    title: row.title,
    summary: row.summary,
    kind: row.kind,
    singleAnonymousSource: row.singleAnonymousSource,
    key: row.keyEvent,
    place: toPlaceView(row),
    publishedAt: isoOrNull(row.publishedAt),
    updatedAt: iso(row.updatedAt),
    actors: row.actors.map((a) => toActorRef(a.actor)),
    citations: row.citations.map(toPublicCitation),
    corrections: row.corrections.map((c) => ({ id: c.id, note: c.note, correctedAt: iso(c.correctedAt) })),
    transfers: row.transfers.map(toTransferView),
    stageChange: row.stageChange?.stage ?? null,
  };
}

export function timelineOrderBy(order: TimelineOrder): Prisma.DevelopmentOrderByWithRelationInput[] {
  const direction = order === "newest" ? "desc" : "asc";
  return [
    { occurredOn: direction },
    { occurredAt: { sort: direction, nulls: "last" } },
    { createdAt: direction },
    { id: direction },
  ];
}

/** One page of a published negotiation's published developments; never loads the whole timeline. */
async function loadTimelinePage(slug: string, order: TimelineOrder, page: number): Promise<TimelinePage> {
  const where: Prisma.DevelopmentWhereInput = { ...publicRow, negotiation: { slug, ...publicRow } };
  const safePage = Number.isSafeInteger(page) && page >= 1 ? page : 1;
  const [total, rows] = await Promise.all([
    db().development.count({ where }),
    db().development.findMany({
      where,
      orderBy: timelineOrderBy(order),
      skip: (safePage - 1) * TIMELINE_PAGE_SIZE,
      take: TIMELINE_PAGE_SIZE,
      select: developmentSelect,
    }),
  ]);
  return {
    items: rows.map(toDevelopmentView),
    page: safePage,
    pageSize: TIMELINE_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / TIMELINE_PAGE_SIZE)),
    total,
    order,
  };
}

export const getTimelinePage = cachedReader("timeline", loadTimelinePage, (slug) => [readerTags.negotiation(slug)]);

export type CorrectionEntry = {
  id: string;
  note: string;
  correctedAt: string;
  development: { id: string; title: string };
};

async function loadCorrections(slug: string): Promise<CorrectionEntry[]> {
  const rows = await db().correction.findMany({
    where: { development: { ...publicRow, negotiation: { slug, ...publicRow } } },
    orderBy: [{ correctedAt: "desc" }, { id: "asc" }],
    select: { id: true, note: true, correctedAt: true, development: { select: { id: true, title: true } } },
  });
  return rows.map((r) => ({ ...r, correctedAt: iso(r.correctedAt) }));
}

export const listPublicCorrections = cachedReader("corrections", loadCorrections, (slug) => [
  readerTags.negotiation(slug),
]);

export { developmentSelect, toDevelopmentView };
