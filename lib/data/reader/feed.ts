import "server-only";
import { db } from "@/lib/db/client";
import { cachedReader, readerTags } from "./cache";
import { publicRow } from "./public-selects";
import { developmentSelect, toDevelopmentView } from "./timeline";
import type { DevelopmentView } from "./types";

export const FEED_SIZE = 50;

export type FeedEntry = DevelopmentView & { negotiation: { slug: string; title: string } };
export type FeedData = { title: string; slug: string | null; updatedAt: string; entries: FeedEntry[] };

/**
 * The newest published developments, by last change, so a correction moves an
 * item up with a new timestamp instead of adding a duplicate.
 */
async function loadFeed(slug: string | null): Promise<FeedData | null> {
  const negotiation = slug
    ? await db().negotiation.findFirst({ where: { slug, ...publicRow }, select: { title: true, slug: true } })
    : null;
  if (slug && !negotiation) return null;
  const rows = await db().development.findMany({
    where: { ...publicRow, negotiation: { ...publicRow, ...(slug ? { slug } : {}) } },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: FEED_SIZE,
    select: { ...developmentSelect, negotiation: { select: { slug: true, title: true } } },
  });
  const entries = rows.map((row) => ({ ...toDevelopmentView(row), negotiation: row.negotiation }));
  return {
    title: negotiation ? `${negotiation.title} · Parley` : "Parley: prisoner-exchange negotiations",
    slug,
    updatedAt: entries[0]?.updatedAt ?? new Date(0).toISOString(),
    entries,
  };
}

export const getFeed = cachedReader("feed", loadFeed, (slug) =>
  slug ? [readerTags.list, readerTags.negotiation(slug)] : [readerTags.list],
);
