import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { RuleViolationError } from "@/lib/errors";
import { uniqueSlug } from "@/lib/slug";
import type { CitationInput } from "@/lib/validation/citation";
import { archiveCitedUrls } from "@/lib/archive/link-archive";
import { writeAudit } from "../audit";

type Tx = Prisma.TransactionClient;
export type CitationTarget = { developmentId: string } | { termsVersionId: string } | { figureClaimId: string };

export const citationSnapshotSelect = {
  sourceId: true,
  viaSourceId: true,
  attribution: true,
  url: true,
  excerpt: true,
  publishedOn: true,
  assessment: true,
  source: { select: { name: true, kind: true } },
} as const;

/**
 * Readers may only see sources an admin has reviewed: a record citing a
 * source still PROPOSED cannot be published (or, for figures, saved).
 */
export async function assertCitedSourcesReviewed(tx: Tx, target: CitationTarget): Promise<void> {
  const pending = await tx.citation.findFirst({
    where: { ...target, OR: [{ source: { status: "PROPOSED" } }, { viaSource: { status: "PROPOSED" } }] },
    select: { source: { select: { name: true, status: true } }, viaSource: { select: { name: true, status: true } } },
  });
  if (pending) {
    const name = pending.source.status === "PROPOSED" ? pending.source.name : pending.viaSource?.name;
    throw new RuleViolationError(
      `“${name}” is a proposed source that an admin has not reviewed yet; it can be published once approved.`,
      "citations",
    );
  }
}

/**
 * Writes a record's citations in order. A source proposed inline is created as
 * PROPOSED (admins review it) and audited like any other change.
 */
export async function writeCitations(
  tx: Tx,
  target: CitationTarget,
  citations: CitationInput[],
  userId: string,
  negotiationId: string,
): Promise<void> {
  const sourceIds = [
    ...new Set(citations.flatMap((c) => [c.sourceId, c.viaSourceId]).filter((id): id is string => Boolean(id))),
  ];
  // Share-locks the cited sources until commit: a concurrent merge either waits
  // for this transaction (and then moves these citations too) or goes first
  // (and then the source is refused here as merged), never leaving a citation
  // on a merged-away source. Same lock order as mergeSources.
  const rows =
    sourceIds.length === 0
      ? []
      : await tx.$queryRaw<
          Array<{ id: string }>
        >`SELECT id FROM "Source" WHERE id = ANY(${sourceIds}::uuid[]) AND "mergedIntoId" IS NULL ORDER BY id FOR SHARE`;
  const known = new Set(rows.map((s) => s.id));
  for (const [position, citation] of citations.entries()) {
    for (const [field, id] of [
      ["sourceId", citation.sourceId],
      ["viaSourceId", citation.viaSourceId],
    ] as const) {
      if (id && !known.has(id))
        throw new RuleViolationError(
          "That source no longer exists or was merged; pick it again.",
          `citations.${position}.${field}`,
        );
    }
    let sourceId = citation.sourceId;
    if (!sourceId && citation.newSource) {
      const proposed = await tx.source.create({
        data: {
          slug: uniqueSlug(citation.newSource.name, "source"),
          name: citation.newSource.name,
          kind: citation.newSource.kind,
          url: citation.newSource.url,
          status: "PROPOSED",
          confidential: { create: {} },
        },
        select: { id: true, slug: true, name: true, kind: true },
      });
      await writeAudit(tx, {
        userId,
        action: "source.propose",
        entityType: "Source",
        entityId: proposed.id,
        negotiationId,
        after: proposed,
      });
      sourceId = proposed.id;
    }
    await tx.citation.create({
      data: {
        ...target,
        sourceId: sourceId!,
        viaSourceId: citation.viaSourceId,
        attribution: citation.attribution,
        url: citation.url,
        excerpt: citation.excerpt,
        publishedOn: citation.publishedOn?.date,
        assessment: citation.assessment,
        position,
      },
    });
  }
  // Each cited link is archived as evidence (a job queued in this transaction).
  await archiveCitedUrls(
    tx,
    citations.map((c) => c.url),
  );
}
