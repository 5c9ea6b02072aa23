import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The only shapes reader queries may select. Confidential source data lives in
 * another table (SourceConfidential) and is never named here; drafts and
 * archived rows are excluded by `publicRow`.
 */
export const publicRow = { publication: "PUBLISHED", archivedAt: null } as const;

export const publicSourceSelect = {
  slug: true,
  name: true,
  kind: true,
  url: true,
  reliability: true,
  publicDescription: true,
} as const;

export const publicCitationSelect = {
  id: true,
  attribution: true,
  url: true,
  excerpt: true,
  publishedOn: true,
  source: { select: publicSourceSelect },
  viaSource: { select: publicSourceSelect },
  // Only a successful copy is ever linked (lib/archive/link-archive.ts); its body is not loaded here.
  snapshot: { select: { id: true, fetchedAt: true, sha256: true } },
} as const;

export const citationOrder: Prisma.CitationOrderByWithRelationInput[] = [{ position: "asc" }, { createdAt: "asc" }];

export const actorSummarySelect = { slug: true, name: true, shortName: true, kind: true } as const;

const visibleInNegotiation = { ...publicRow, negotiation: publicRow } as const;

/**
 * An actor readers may see: one that appears in something published (taking part in
 * a published negotiation, named in a published development, in published terms, or
 * carrying out a published transfer).
 * Actors are created inside negotiations, so one made in a draft stays unseen until
 * that draft, or something else naming it, is published.
 */
export const publicActorWhere = {
  archivedAt: null,
  OR: [
    { participations: { some: { archivedAt: null, negotiation: publicRow } } },
    { developments: { some: { development: visibleInNegotiation } } },
    { proposedTerms: { some: visibleInNegotiation } },
    { releasingObligations: { some: { terms: { some: { termsVersion: visibleInNegotiation } } } } },
    { receivingObligations: { some: { terms: { some: { termsVersion: visibleInNegotiation } } } } },
    { intermediated: { some: { development: visibleInNegotiation } } },
  ],
} satisfies Prisma.ActorWhereInput;
