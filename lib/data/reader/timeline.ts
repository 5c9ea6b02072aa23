import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cachedReader, readerTags } from "./cache";
import { toTransferView, transferSelect } from "./ledger";
import { iso, isoOrNull, placeColumnsSelect, toActorRef, toPlaceView, toPublicCitation } from "./map";
import { actorSummarySelect, citationOrder, publicCitationSelect, publicRow } from "./public-selects";
import type { ContentLocale, LocalizedText } from "@/lib/translations/fields";
import { collectActorSlugs, english, loadLocalizer, localizeActors, type Localizer } from "./localize";
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

/** A development row as readers see it; `l` picks the language of its texts (English when omitted). */
function toDevelopmentView(row: DevelopmentRow, l?: Localizer): DevelopmentView {
  const text = (field: Parameters<Localizer["text"]>[0], id: string, original: string) =>
    l ? l.text(field, id, original) : english(original);
  return {
    id: row.id,
    occurredOn: iso(row.occurredOn),
    occurredPrecision: row.occurredPrecision,
    occurredAt: isoOrNull(row.occurredAt),
    reportedAt: isoOrNull(row.reportedAt),
    title: row.title,
    summary: row.summary,
    localized: {
      title: text("DEVELOPMENT_TITLE", row.id, row.title),
      summary: text("DEVELOPMENT_SUMMARY", row.id, row.summary),
    },
    kind: row.kind,
    singleAnonymousSource: row.singleAnonymousSource,
    key: row.keyEvent,
    place: toPlaceView(row),
    publishedAt: isoOrNull(row.publishedAt),
    updatedAt: iso(row.updatedAt),
    actors: row.actors.map((a) => toActorRef(a.actor)),
    citations: row.citations.map(toPublicCitation),
    corrections: row.corrections.map((c) => ({
      id: c.id,
      note: c.note,
      correctedAt: iso(c.correctedAt),
      localized: { note: text("CORRECTION_NOTE", c.id, c.note) },
    })),
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

/** Developments in `locale`: their texts, corrections and actors' names. */
export async function localizedDevelopments(rows: DevelopmentRow[], locale: ContentLocale): Promise<DevelopmentView[]> {
  const l = await loadLocalizer(
    locale,
    rows.flatMap((r) => [r.id, ...r.corrections.map((c) => c.id)]),
    collectActorSlugs(rows.map((r) => [r.actors, r.transfers])),
  );
  return rows.map((row) => localizeActors(toDevelopmentView(row, l), l));
}

/** One page of a published negotiation's published developments; never loads the whole timeline. */
async function loadTimelinePage(
  slug: string,
  order: TimelineOrder,
  page: number,
  locale: ContentLocale,
): Promise<TimelinePage> {
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
    items: await localizedDevelopments(rows, locale),
    page: safePage,
    pageSize: TIMELINE_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / TIMELINE_PAGE_SIZE)),
    total,
    order,
  };
}

const cachedTimelinePage = cachedReader("timeline", loadTimelinePage, (slug) => [readerTags.negotiation(slug)]);

/** One page of the timeline for readers in `locale` (English by default). */
export function getTimelinePage(
  slug: string,
  order: TimelineOrder,
  page: number,
  locale: ContentLocale = "en",
): Promise<TimelinePage> {
  return cachedTimelinePage(slug, order, page, locale);
}

export type CorrectionEntry = {
  id: string;
  note: string;
  correctedAt: string;
  development: { id: string; title: string; localized: { title: LocalizedText } };
  localized: { note: LocalizedText };
};

async function loadCorrections(slug: string, locale: ContentLocale): Promise<CorrectionEntry[]> {
  const rows = await db().correction.findMany({
    where: { development: { ...publicRow, negotiation: { slug, ...publicRow } } },
    orderBy: [{ correctedAt: "desc" }, { id: "asc" }],
    select: { id: true, note: true, correctedAt: true, development: { select: { id: true, title: true } } },
  });
  const l = await loadLocalizer(
    locale,
    rows.flatMap((r) => [r.id, r.development.id]),
  );
  return rows.map((r) => ({
    ...r,
    correctedAt: iso(r.correctedAt),
    development: {
      ...r.development,
      localized: { title: l.text("DEVELOPMENT_TITLE", r.development.id, r.development.title) },
    },
    localized: { note: l.text("CORRECTION_NOTE", r.id, r.note) },
  }));
}

const cachedCorrections = cachedReader("corrections", loadCorrections, (slug) => [readerTags.negotiation(slug)]);

/** A negotiation's public corrections, newest first, in `locale` (English by default). */
export function listPublicCorrections(slug: string, locale: ContentLocale = "en"): Promise<CorrectionEntry[]> {
  return cachedCorrections(slug, locale);
}

export { developmentSelect, toDevelopmentView };
