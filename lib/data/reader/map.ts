import "server-only";
import type { ActorRef, PlaceView, PublicCitation, PublicSource } from "./types";

type SourceRow = PublicSource;
type CitationRow = {
  id: string;
  attribution: string;
  url: string | null;
  excerpt: string;
  publishedOn: Date | null;
  source: SourceRow;
  viaSource: SourceRow | null;
  snapshot: { id: string; fetchedAt: Date; sha256: string | null } | null;
};

export const iso = (date: Date) => date.toISOString();

/** A stored place (name and structure columns) for readers; null when nothing was recorded. */
export function toPlaceView(row: {
  place: string;
  placeCountry: string | null;
  placeLatitude: number | null;
  placeLongitude: number | null;
}): PlaceView | null {
  if (!row.place && !row.placeCountry) return null;
  return {
    name: row.place,
    country: row.placeCountry,
    latitude: row.placeLatitude,
    longitude: row.placeLongitude,
  };
}

export const placeColumnsSelect = {
  place: true,
  placeCountry: true,
  placeLatitude: true,
  placeLongitude: true,
} as const;
export const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

export function toPublicCitation(row: CitationRow): PublicCitation {
  return {
    id: row.id,
    attribution: row.attribution,
    url: row.url,
    excerpt: row.excerpt,
    publishedOn: isoOrNull(row.publishedOn),
    source: { ...row.source },
    via: row.viaSource ? { ...row.viaSource } : null,
    archivedCopy: row.snapshot
      ? { url: `/api/archive/${row.snapshot.id}`, archivedAt: iso(row.snapshot.fetchedAt), sha256: row.snapshot.sha256 }
      : null,
  };
}

export function toActorRef(row: ActorRef): ActorRef {
  return { slug: row.slug, name: row.name, shortName: row.shortName, kind: row.kind };
}
