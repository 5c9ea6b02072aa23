import "server-only";
import { db } from "@/lib/db/client";
import { cachedReader, readerTags } from "./cache";
import { iso, isoOrNull, toActorRef, toPublicCitation } from "./map";
import { actorSummarySelect, citationOrder, publicCitationSelect, publicRow } from "./public-selects";
import type { NegotiationView, TermsItemView, TermsVersionView } from "./types";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A terms version as the terms card shows it; releases count only when their development is public. */
export const termsVersionSelect = {
  id: true,
  number: true,
  phase: true,
  proposedOn: true,
  proposedPrecision: true,
  proposedBy: { select: actorSummarySelect },
  status: true,
  summary: true,
  citations: { orderBy: citationOrder, select: publicCitationSelect },
  items: {
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      countExact: true,
      countMin: true,
      countMax: true,
      countWording: true,
      category: true,
      description: true,
      releasingActor: { select: actorSummarySelect },
      receivingActor: { select: actorSummarySelect },
      releases: {
        where: { OR: [{ developmentId: null }, { development: publicRow }] },
        select: { releasedCount: true },
      },
    },
  },
} satisfies Prisma.TermsVersionSelect;

export function toTermsVersionView(
  v: Prisma.TermsVersionGetPayload<{ select: typeof termsVersionSelect }>,
): TermsVersionView {
  return {
    id: v.id,
    number: v.number,
    phase: v.phase,
    proposedOn: iso(v.proposedOn),
    proposedPrecision: v.proposedPrecision,
    proposedBy: v.proposedBy ? toActorRef(v.proposedBy) : null,
    status: v.status,
    summary: v.summary,
    citations: v.citations.map(toPublicCitation),
    items: v.items.map(toItemView),
  };
}

/** A published negotiation with everything its page shows above the timeline; null for drafts and unknown slugs. */
async function loadNegotiation(slug: string): Promise<NegotiationView | null> {
  const row = await db().negotiation.findFirst({
    where: { slug, ...publicRow },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      region: true,
      country: true,
      startedOn: true,
      stage: true,
      publishedAt: true,
      updatedAt: true,
      participations: {
        where: { archivedAt: null },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { role: true, side: true, description: true, actor: { select: actorSummarySelect } },
      },
      stageChanges: {
        orderBy: [{ effectiveOn: "asc" }, { createdAt: "asc" }],
        // A stage change tied to a draft development is not public yet.
        where: { OR: [{ developmentId: null }, { development: publicRow }] },
        select: { stage: true, effectiveOn: true, effectivePrecision: true, note: true, developmentId: true },
      },
      termsVersions: {
        where: publicRow,
        orderBy: { number: "desc" },
        select: termsVersionSelect,
      },
      figures: {
        where: publicRow,
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          slug: true,
          label: true,
          unit: true,
          description: true,
          claims: {
            where: { archivedAt: null },
            orderBy: [{ position: "asc" }, { id: "asc" }],
            select: {
              id: true,
              wording: true,
              valueMin: true,
              valueMax: true,
              qualifier: true,
              asOf: true,
              asOfPrecision: true,
              note: true,
              citations: { orderBy: citationOrder, select: publicCitationSelect },
            },
          },
        },
      },
      _count: { select: { developments: { where: publicRow } } },
    },
  });
  if (!row) return null;
  const correctionCount = await db().correction.count({
    where: { development: { negotiationId: row.id, ...publicRow } },
  });

  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    region: row.region,
    country: row.country,
    startedOn: isoOrNull(row.startedOn),
    stage: row.stage,
    publishedAt: isoOrNull(row.publishedAt),
    updatedAt: iso(row.updatedAt),
    participants: row.participations.map((p) => ({
      role: p.role,
      side: p.side,
      description: p.description,
      actor: toActorRef(p.actor),
    })),
    stageHistory: row.stageChanges.map((s) => ({ ...s, effectiveOn: iso(s.effectiveOn) })),
    termsVersions: row.termsVersions.map(toTermsVersionView),
    figures: row.figures.map((f) => ({
      ...f,
      claims: f.claims.map((c) => ({ ...c, asOf: isoOrNull(c.asOf), citations: c.citations.map(toPublicCitation) })),
    })),
    developmentCount: row._count.developments,
    correctionCount,
  };
}

function toItemView(item: {
  id: string;
  countExact: number | null;
  countMin: number | null;
  countMax: number | null;
  countWording: string | null;
  category: TermsItemView["category"];
  description: string;
  releasingActor: Parameters<typeof toActorRef>[0];
  receivingActor: Parameters<typeof toActorRef>[0];
  releases: Array<{ releasedCount: number }>;
}): TermsItemView {
  return {
    id: item.id,
    releasing: toActorRef(item.releasingActor),
    receiving: toActorRef(item.receivingActor),
    countExact: item.countExact,
    countMin: item.countMin,
    countMax: item.countMax,
    countWording: item.countWording,
    category: item.category,
    description: item.description,
    released: item.releases.reduce((sum, step) => sum + step.releasedCount, 0),
    target: item.countExact ?? item.countMax ?? item.countMin,
  };
}

export const getPublishedNegotiation = cachedReader("negotiation", loadNegotiation, (slug) => [
  readerTags.list,
  readerTags.negotiation(slug),
]);
