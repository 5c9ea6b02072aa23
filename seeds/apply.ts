// Writes validated seed data. Idempotent: actors and sources are matched by
// slug and left alone when present; a negotiation whose slug exists is skipped
// whole, so re-running never duplicates rows or overwrites newsroom edits.
import { hashPassword } from "@/lib/auth/password";
import type { AuditEvent } from "@/lib/audit/events";
import { recordOperatorAudit as writeAudit } from "@/lib/audit/record";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { toColumns } from "@/lib/ledger/quantity";
import type { SeedCase } from "./schema";
import { applySeedTranslations } from "./translations";

type Tx = Prisma.TransactionClient;
type CitationSeed = SeedCase["negotiation"]["developments"][number]["citations"][number];
type Target = { developmentId: string } | { termsVersionId: string } | { figureClaimId: string };

export type SeedReport = {
  negotiationsCreated: string[];
  negotiationsSkipped: string[];
  actorsCreated: number;
  sourcesCreated: number;
  translationsCreated: number;
};

const SEED_ACTION = "seed.create";
type SeededType = Extract<AuditEvent, { action: typeof SEED_ACTION }>["entityType"];

export async function applySeedCase(prisma: PrismaClient, seed: SeedCase): Promise<SeedReport> {
  return prisma.$transaction(
    async (tx) => {
      const report: SeedReport = {
        negotiationsCreated: [],
        negotiationsSkipped: [],
        actorsCreated: 0,
        sourcesCreated: 0,
        translationsCreated: 0,
      };
      const actorIds = new Map<string, string>();
      for (const actor of seed.actors) {
        const existing = await tx.actor.findUnique({ where: { slug: actor.slug }, select: { id: true } });
        if (existing) {
          actorIds.set(actor.slug, existing.id);
          continue;
        }
        const created = await tx.actor.create({
          data: {
            slug: actor.slug,
            name: actor.name,
            shortName: actor.shortName,
            kind: actor.kind,
            country: actor.country,
            description: actor.description,
            parentId: actor.parent ? actorIds.get(actor.parent) : undefined,
            aliases: { create: actor.aliases },
          },
        });
        actorIds.set(actor.slug, created.id);
        report.actorsCreated++;
        await writeAudit(tx, {
          userId: null,
          action: SEED_ACTION,
          entityType: "Actor",
          entityId: created.id,
          after: actor,
        });
      }

      const sourceIds = new Map<string, string>();
      for (const source of seed.sources) {
        const existing = await tx.source.findUnique({ where: { slug: source.slug }, select: { id: true } });
        if (existing) {
          sourceIds.set(source.slug, existing.id);
          continue;
        }
        const { confidentialNotes, ...publicFields } = source;
        const created = await tx.source.create({
          data: { ...publicFields, confidential: { create: { notes: confidentialNotes } } },
        });
        sourceIds.set(source.slug, created.id);
        report.sourcesCreated++;
        // Confidential notes stay out of the audit row's readable copy.
        await writeAudit(tx, {
          userId: null,
          action: SEED_ACTION,
          entityType: "Source",
          entityId: created.id,
          after: publicFields,
        });
      }

      const n = seed.negotiation;
      if (await tx.negotiation.findUnique({ where: { slug: n.slug }, select: { id: true } })) {
        report.negotiationsSkipped.push(n.slug);
      } else {
        const anonymousSources = new Set(seed.sources.filter((s) => s.kind === "ANONYMOUS").map((s) => s.slug));
        await createNegotiation(tx, n, { actorIds, sourceIds, anonymousSources });
        report.negotiationsCreated.push(n.slug);
      }
      // Also for a case already present: a database seeded before translations existed gets them.
      report.translationsCreated = await applySeedTranslations(tx, seed);
      return report;
    },
    { timeout: 60_000 },
  );
}

type SeedLookups = { actorIds: Map<string, string>; sourceIds: Map<string, string>; anonymousSources: Set<string> };

async function createNegotiation(
  tx: Tx,
  n: SeedCase["negotiation"],
  { actorIds, sourceIds, anonymousSources }: SeedLookups,
) {
  const actor = (slug: string) => actorIds.get(slug)!;
  const now = new Date();
  const publication = n.published ? "PUBLISHED" : "DRAFT";
  const publishedAt = n.published ? now : null;

  const negotiation = await tx.negotiation.create({
    data: {
      slug: n.slug,
      title: n.title,
      summary: n.summary,
      region: n.region,
      country: n.country,
      stage: n.stage,
      publication,
      publishedAt,
      participations: {
        create: n.participants.map((p, position) => ({
          actorId: actor(p.actor),
          role: p.role,
          side: p.side,
          description: p.description,
          position,
        })),
      },
    },
  });
  const audit = (entityType: SeededType, entityId: string, after: Record<string, unknown>) =>
    writeAudit(tx, { userId: null, action: SEED_ACTION, entityType, entityId, negotiationId: negotiation.id, after });
  await audit("Negotiation", negotiation.id, n);

  const cite = async (citations: CitationSeed[], target: Target) => {
    for (const [position, c] of citations.entries()) {
      await tx.citation.create({
        data: {
          ...target,
          sourceId: sourceIds.get(c.source)!,
          viaSourceId: c.via ? sourceIds.get(c.via) : undefined,
          attribution: c.attribution,
          url: c.url,
          excerpt: c.excerpt,
          publishedOn: c.publishedOn?.date,
          position,
        },
      });
    }
  };

  // Terms, phase by phase: each version carries over the previous one's obligations (as the editor does).
  const termsIds = new Map<number, string>();
  const obligationIds = new Map<string, string>();
  const phases = new Map<string, { id: string; previous?: string; count: number; terms: Map<string, ObligationRow> }>();
  for (const terms of [...n.terms].sort((a, b) => a.number - b.number)) {
    const phaseName = terms.phase ?? "";
    let phase = phases.get(phaseName);
    if (!phase) {
      const created = await tx.phase.create({
        data: { negotiationId: negotiation.id, number: phases.size + 1, name: phaseName },
      });
      phase = { id: created.id, count: 0, terms: new Map() };
      phases.set(phaseName, phase);
    }
    for (const o of terms.obligations) {
      if (!obligationIds.has(o.key)) {
        const created = await tx.obligation.create({
          data: {
            negotiationId: negotiation.id,
            phaseId: phase.id,
            releasingActorId: actor(o.releasing!),
            receivingActorId: actor(o.receiving!),
            category: o.category!,
          },
        });
        obligationIds.set(o.key, created.id);
      }
    }
    for (const o of terms.obligations) {
      phase.terms.set(o.key, {
        obligationId: obligationIds.get(o.key)!,
        ...toColumns(o.quantity ?? null),
        perUnit: o.perUnit ?? null,
        perUnitOfId: o.perUnitOf ? obligationIds.get(o.perUnitOf)! : null,
        description: o.description,
        withdrawn: o.withdrawn,
        breakdowns: o.breakdowns.map((b, position) => ({
          position,
          label: b.label,
          category: b.category,
          ...toColumns(b.quantity),
        })),
      });
    }
    const created = await tx.termsVersion.create({
      data: {
        negotiationId: negotiation.id,
        phaseId: phase.id,
        number: ++phase.count,
        proposedOn: terms.proposedOn.date,
        proposedPrecision: terms.proposedOn.precision,
        proposedById: terms.proposedBy ? actor(terms.proposedBy) : undefined,
        status: terms.status,
        summary: terms.summary,
        supersedesId: phase.previous,
        publication,
        publishedAt,
        terms: {
          create: [...phase.terms.values()].map(({ breakdowns, ...row }, position) => ({
            ...row,
            position,
            breakdowns: { create: breakdowns },
          })),
        },
      },
    });
    await cite(terms.citations, { termsVersionId: created.id });
    await audit("TermsVersion", created.id, terms);
    termsIds.set(terms.number, created.id);
    phase.previous = created.id;
  }

  const developmentIds = new Map<string, string>();
  for (const d of n.developments) {
    const sources = d.citations.map((c) => c.source);
    const created = await tx.development.create({
      data: {
        negotiationId: negotiation.id,
        occurredOn: d.occurredOn.date,
        occurredPrecision: d.occurredOn.precision,
        reportedAt: d.reportedOn?.date,
        title: d.title,
        summary: d.summary,
        kind: d.kind,
        keyEvent: d.keyEvent,
        place: d.place,
        placeCountry: d.placeCountry,
        placeLatitude: d.placeLatitude,
        placeLongitude: d.placeLongitude,
        termsVersionId: d.terms ? termsIds.get(d.terms) : undefined,
        publication,
        publishedAt,
        // Readers are told when a development rests on one anonymous source alone.
        singleAnonymousSource: sources.length === 1 && anonymousSources.has(sources[0]!),
        actors: { create: d.actors.map((slug) => ({ actorId: actor(slug) })) },
      },
    });
    await cite(d.citations, { developmentId: created.id });
    for (const [position, t] of d.transfers.entries()) {
      await tx.transfer.create({
        data: {
          obligationId: obligationIds.get(t.obligation)!,
          developmentId: created.id,
          position,
          ...toColumns(t.quantity),
          occurredOn: t.occurredOn?.date,
          occurredPrecision: t.occurredOn?.precision,
          place: t.place,
          placeCountry: t.placeCountry,
          placeLatitude: t.placeLatitude,
          placeLongitude: t.placeLongitude,
          intermediaryId: t.intermediary ? actor(t.intermediary) : undefined,
          note: t.note,
          accounts: {
            create: t.accounts.map((a, i) => ({
              position: i,
              attribution: a.attribution,
              attributedToId: a.attributedTo ? actor(a.attributedTo) : undefined,
              sourceId: sourceIds.get(a.source)!,
              sourceUrl: a.sourceUrl,
              ...toColumns(a.quantity),
            })),
          },
        },
      });
    }
    await audit("Development", created.id, d);
    developmentIds.set(d.key, created.id);
  }

  for (const change of n.stageHistory) {
    const created = await tx.stageChange.create({
      data: {
        negotiationId: negotiation.id,
        stage: change.stage,
        effectiveOn: change.effectiveOn.date,
        effectivePrecision: change.effectiveOn.precision,
        note: change.note,
        developmentId: change.development ? developmentIds.get(change.development) : undefined,
      },
    });
    await audit("StageChange", created.id, change);
  }

  for (const [position, figure] of n.figures.entries()) {
    const created = await tx.figure.create({
      data: {
        negotiationId: negotiation.id,
        slug: figure.slug,
        label: figure.label,
        unit: figure.unit,
        description: figure.description,
        position,
        publication,
      },
    });
    for (const [claimPosition, claim] of figure.claims.entries()) {
      const createdClaim = await tx.figureClaim.create({
        data: {
          figureId: created.id,
          ...toColumns(claim.quantity),
          asOf: claim.asOf?.date,
          asOfPrecision: claim.asOf?.precision,
          note: claim.note,
          position: claimPosition,
        },
      });
      await cite(claim.citations, { figureClaimId: createdClaim.id });
    }
    await audit("Figure", created.id, figure);
  }
}

type ObligationRow = ReturnType<typeof toColumns> & {
  obligationId: string;
  perUnit: number | null;
  perUnitOfId: string | null;
  description: string;
  withdrawn: boolean;
  breakdowns: Array<
    ReturnType<typeof toColumns> & {
      quantityKind: NonNullable<ReturnType<typeof toColumns>["quantityKind"]>;
      position: number;
      label: string;
      category?: SeedCase["negotiation"]["terms"][number]["obligations"][number]["category"];
    }
  >;
};

export type StaffSeed = { email: string; name: string; role: "JOURNALIST" | "ADMIN"; password: string };

/** Development-only staff accounts; callers must refuse in production. */
export async function applyDevelopmentStaff(prisma: PrismaClient, staff: StaffSeed[]): Promise<number> {
  let created = 0;
  for (const member of staff) {
    const exists = await prisma.user.findUnique({ where: { email: member.email }, select: { id: true } });
    if (exists) continue;
    const passwordHash = await hashPassword(member.password);
    await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: member.email, name: member.name, role: member.role, passwordHash },
      });
      await writeAudit(tx, {
        userId: null,
        action: SEED_ACTION,
        entityType: "User",
        entityId: user.id,
        after: { email: user.email, role: user.role },
      });
    });
    created++;
  }
  return created;
}
