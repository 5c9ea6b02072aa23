import "server-only";
import { db } from "@/lib/db/client";
import { cachedReader, readerTags } from "./cache";
import { iso } from "./map";
import { publicActorWhere, publicRow } from "./public-selects";

export type SitemapEntry = { path: string; updatedAt: string };

/**
 * Every public page worth indexing: published negotiations, the actors taking
 * named in them (see publicActorWhere) and the active sources cited in them. Only slugs and dates are
 * selected, and only rows a reader could already reach.
 */
async function loadSitemap(): Promise<SitemapEntry[]> {
  const visibleDevelopment = { ...publicRow, negotiation: publicRow };
  const [negotiations, actors, sources] = await Promise.all([
    db().negotiation.findMany({ where: publicRow, orderBy: { slug: "asc" }, select: { slug: true, updatedAt: true } }),
    db().actor.findMany({
      where: publicActorWhere,
      orderBy: { slug: "asc" },
      select: { slug: true, updatedAt: true },
    }),
    db().source.findMany({
      where: {
        status: "ACTIVE",
        mergedIntoId: null,
        OR: [
          { citations: { some: { development: visibleDevelopment } } },
          { relayed: { some: { development: visibleDevelopment } } },
        ],
      },
      orderBy: { slug: "asc" },
      select: { slug: true, updatedAt: true },
    }),
  ]);
  return [
    ...negotiations.map((row) => ({ path: `/negotiations/${row.slug}`, updatedAt: iso(row.updatedAt) })),
    ...actors.map((row) => ({ path: `/actors/${row.slug}`, updatedAt: iso(row.updatedAt) })),
    ...sources.map((row) => ({ path: `/sources/${row.slug}`, updatedAt: iso(row.updatedAt) })),
  ];
}

export const getSitemapEntries = cachedReader("sitemap", loadSitemap, () => [readerTags.list]);
