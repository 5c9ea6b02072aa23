import "server-only";
import { db } from "@/lib/db/client";
import { cachedReader, readerTags } from "./cache";
import { iso, isoOrNull, toActorRef, toPublicCitation } from "./map";
import { actorSummarySelect, citationOrder, publicCitationSelect, publicRow } from "./public-selects";
import { loadLedger } from "./ledger";
import { formatQuantity, fromColumns, quantityColumnsSelect } from "@/lib/ledger/quantity";
import type { ContentLocale } from "@/lib/translations/fields";
import { collectActorSlugs, loadLocalizer, localizeActors } from "./localize";
import type { NegotiationView } from "./types";

/**
 * A published negotiation with everything its page shows above the timeline; null for drafts and
 * unknown slugs. Editorial texts come in the English original and, under `localized`, in `locale`.
 */
async function loadNegotiation(slug: string, locale: ContentLocale): Promise<NegotiationView | null> {
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
        select: {
          role: true,
          side: true,
          description: true,
          actor: {
            select: {
              ...actorSummarySelect,
              aliases: { where: { language: "ar" }, orderBy: { name: "asc" }, take: 1, select: { name: true } },
            },
          },
        },
      },
      stageChanges: {
        // Undated rows (the stage a negotiation was entered at) come before every dated event.
        orderBy: [{ effectiveOn: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
        // A stage change tied to a draft development is not public yet.
        where: { OR: [{ developmentId: null }, { development: publicRow }] },
        select: { stage: true, effectiveOn: true, effectivePrecision: true, note: true, developmentId: true },
      },
      figures: {
        where: publicRow,
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          id: true,
          slug: true,
          label: true,
          unit: true,
          description: true,
          claims: {
            where: { archivedAt: null },
            orderBy: [{ position: "asc" }, { id: "asc" }],
            select: {
              id: true,
              ...quantityColumnsSelect,
              asOf: true,
              asOfPrecision: true,
              note: true,
              citations: { orderBy: citationOrder, select: publicCitationSelect },
            },
          },
        },
      },
      developments: {
        where: publicRow,
        orderBy: [{ occurredOn: "desc" }, { id: "asc" }],
        take: 1,
        select: { occurredOn: true, occurredPrecision: true },
      },
      _count: { select: { developments: { where: publicRow } } },
    },
  });
  if (!row) return null;
  const [correctionCount, ledger] = await Promise.all([
    db().correction.count({ where: { development: { negotiationId: row.id, ...publicRow } } }),
    loadLedger(row.id, "public"),
  ]);
  const obligations = ledger.phases.flatMap((p) => p.versions.flatMap((v) => v.obligations));
  const l = await loadLocalizer(
    locale,
    [row.id, ...row.figures.map((f) => f.id), ...obligations.map((o) => o.id)],
    collectActorSlugs([ledger, row.participations.map((p) => p.actor)]),
  );
  for (const o of obligations) o.localized = { description: l.text("OBLIGATION_DESCRIPTION", o.id, o.description) };

  const view: NegotiationView = {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    localized: {
      title: l.text("NEGOTIATION_TITLE", row.id, row.title),
      summary: l.text("NEGOTIATION_SUMMARY", row.id, row.summary),
    },
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
      arabicName: p.actor.aliases[0]?.name ?? null,
    })),
    latestDevelopment: row.developments[0]
      ? { on: iso(row.developments[0].occurredOn), precision: row.developments[0].occurredPrecision }
      : null,
    stageHistory: row.stageChanges.map((s) => ({ ...s, effectiveOn: isoOrNull(s.effectiveOn) })),
    ...ledger,
    figures: row.figures.map(({ id, ...f }) => ({
      ...f,
      localized: {
        label: l.text("FIGURE_LABEL", id, f.label),
        description: l.text("FIGURE_DESCRIPTION", id, f.description),
      },
      claims: f.claims.map(
        ({ quantityKind, quantityValue, quantityMin, quantityMax, quantityQualifier, quantityWording, ...c }) => {
          const quantity = fromColumns({
            quantityKind,
            quantityValue,
            quantityMin,
            quantityMax,
            quantityQualifier,
            quantityWording,
          })!;
          return {
            ...c,
            quantity,
            text: formatQuantity(quantity),
            asOf: isoOrNull(c.asOf),
            citations: c.citations.map(toPublicCitation),
          };
        },
      ),
    })),
    developmentCount: row._count.developments,
    correctionCount,
  };
  return localizeActors(view, l);
}

const cachedNegotiation = cachedReader("negotiation", loadNegotiation, (slug) => [
  readerTags.list,
  readerTags.negotiation(slug),
]);

/** A published negotiation for readers in `locale` (English by default); null for drafts and unknown slugs. */
export function getPublishedNegotiation(slug: string, locale: ContentLocale = "en"): Promise<NegotiationView | null> {
  return cachedNegotiation(slug, locale);
}
