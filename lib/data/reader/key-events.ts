import "server-only";
import { db } from "@/lib/db/client";
import type { DatePrecision } from "@/lib/generated/prisma/enums";
import { cachedReader, readerTags } from "./cache";
import type { ContentLocale, LocalizedText } from "@/lib/translations/fields";
import { loadLocalizer } from "./localize";
import { iso } from "./map";
import { publicRow } from "./public-selects";
import { TIMELINE_PAGE_SIZE, timelineOrderBy } from "./timeline";

export type KeyEvent = {
  id: string;
  title: string;
  /** The title in the requested language where translated, else the English marked `lang: "en"`. */
  localized: { title: LocalizedText };
  occurredOn: string;
  occurredPrecision: DatePrecision;
  /** The page of the newest-first timeline that holds the entry, so a link can reach its anchor. */
  timelinePage: number;
};

/**
 * The developments editors marked as key, oldest first (the story in order), each with the
 * timeline page it appears on. Only ids and the marking are read for the whole timeline.
 */
async function loadKeyEvents(slug: string, locale: ContentLocale): Promise<KeyEvent[]> {
  const rows = await db().development.findMany({
    where: { ...publicRow, negotiation: { slug, ...publicRow } },
    orderBy: timelineOrderBy("newest"),
    select: { id: true, keyEvent: true },
  });
  const pages = new Map(
    rows.flatMap((row, index) => (row.keyEvent ? [[row.id, Math.floor(index / TIMELINE_PAGE_SIZE) + 1]] : [])),
  );
  if (pages.size === 0) return [];
  const keyRows = await db().development.findMany({
    where: { id: { in: [...pages.keys()] }, ...publicRow },
    orderBy: timelineOrderBy("oldest"),
    select: { id: true, title: true, occurredOn: true, occurredPrecision: true },
  });
  // One query for every title's translation, however many key events there are.
  const l = await loadLocalizer(
    locale,
    keyRows.map((row) => row.id),
  );
  return keyRows.map((row) => ({
    id: row.id,
    title: row.title,
    localized: { title: l.text("DEVELOPMENT_TITLE", row.id, row.title) },
    occurredOn: iso(row.occurredOn),
    occurredPrecision: row.occurredPrecision,
    timelinePage: pages.get(row.id) ?? 1,
  }));
}

const cachedKeyEvents = cachedReader("key-events", loadKeyEvents, (slug) => [readerTags.negotiation(slug)]);

/** The key events of a published negotiation, titles in `locale` where translated (English by default). */
export function getKeyEvents(slug: string, locale: ContentLocale = "en"): Promise<KeyEvent[]> {
  return cachedKeyEvents(slug, locale);
}
