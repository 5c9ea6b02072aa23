import "server-only";
import { db } from "@/lib/db/client";
import type { ContentLocale, LocalizedText } from "@/lib/translations/fields";
import { cachedReader, readerTags } from "./cache";
import { loadLocalizer } from "./localize";
import { publicRow } from "./public-selects";
import { developmentSelect, localizedDevelopments } from "./timeline";
import type { DevelopmentView } from "./types";

export const FEED_SIZE = 50;

export type FeedEntry = DevelopmentView & {
  negotiation: { slug: string; title: string; localized: { title: LocalizedText } };
};
export type FeedData = {
  /** English, as it always was: "<negotiation> · Parley", or the site's title for the global feed. */
  title: string;
  slug: string | null;
  /** The negotiation's title in the requested language (null for the global feed). */
  localized: { title: LocalizedText } | null;
  updatedAt: string;
  entries: FeedEntry[];
};

/**
 * The newest published developments, by last change, so a correction moves an
 * item up with a new timestamp instead of adding a duplicate. Texts come in English and,
 * under `localized`, in `locale` (the English, lang "en", where no translation exists).
 */
async function loadFeed(slug: string | null, locale: ContentLocale): Promise<FeedData | null> {
  const negotiation = slug
    ? await db().negotiation.findFirst({
        where: { slug, ...publicRow },
        select: { id: true, title: true, slug: true },
      })
    : null;
  if (slug && !negotiation) return null;
  const rows = await db().development.findMany({
    where: { ...publicRow, negotiation: { ...publicRow, ...(slug ? { slug } : {}) } },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: FEED_SIZE,
    select: { ...developmentSelect, negotiation: { select: { id: true, slug: true, title: true } } },
  });
  const [developments, titles] = await Promise.all([
    localizedDevelopments(rows, locale),
    loadLocalizer(locale, [...rows.map((row) => row.negotiation.id), ...(negotiation ? [negotiation.id] : [])]),
  ]);
  const entries = rows.map(({ negotiation: { id, ...owner } }, index) => ({
    ...developments[index]!,
    negotiation: { ...owner, localized: { title: titles.text("NEGOTIATION_TITLE", id, owner.title) } },
  }));
  return {
    title: negotiation ? `${negotiation.title} · Parley` : "Parley: prisoner-exchange negotiations",
    slug,
    localized: negotiation ? { title: titles.text("NEGOTIATION_TITLE", negotiation.id, negotiation.title) } : null,
    updatedAt: entries[0]?.updatedAt ?? new Date(0).toISOString(),
    entries,
  };
}

const cachedFeed = cachedReader("feed", loadFeed, (slug) =>
  slug ? [readerTags.list, readerTags.negotiation(slug)] : [readerTags.list],
);

/** A negotiation's feed (or the site's, for null) for readers in `locale` (English by default). */
export function getFeed(slug: string | null, locale: ContentLocale = "en"): Promise<FeedData | null> {
  return cachedFeed(slug, locale);
}
