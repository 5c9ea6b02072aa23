// Plants a unique marker string in every confidential field and every draft,
// archived or staff-only record, straight into the stack's database before the
// app starts. The crawl then fails if any marker shows up in public output.
import { randomBytes } from "node:crypto";
import { insertStaffUser } from "@/lib/data/internal/staff-accounts";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TranslatableField } from "@/lib/translations/fields";
import { createActor, createNegotiation, createSource } from "@/seeds/factories";

export type Marker = { field: string; value: string };

export type PlantedData = {
  markers: Marker[];
  /** Markers in public fields: the crawl must find these, or it proves nothing. */
  controls: Marker[];
  /** Addresses of things readers must not reach, to probe directly (404s, feeds, embeds, OG images). */
  hidden: { negotiationSlugs: string[]; negotiationIds: string[]; sourceSlugs: string[]; actorSlugs: string[] };
  /** Published records the hostile-input recipes and the crawl start from. */
  public: { negotiationSlug: string; negotiationId: string };
  /** Throwaway records that destructive actions may target. */
  targets: { userId: string; sourceId: string; intoSourceId: string };
};

export const SEED_SLUG = "sweida-prisoner-exchange";

/** Lower-case letters and digits only, so it survives slugs, escaping and case folding. */
export function newMarker(field: string): string {
  return `zzleak${field.toLowerCase().replace(/[^a-z0-9]/g, "")}${randomBytes(4).toString("hex")}zz`;
}

export async function plantMarkers(prisma: PrismaClient): Promise<PlantedData> {
  const markers: Marker[] = [];
  const mark = (field: string) => {
    const value = newMarker(field);
    markers.push({ field, value });
    return value;
  };
  const day = (text: string) => new Date(`${text}T00:00:00Z`);

  const sweida = await prisma.negotiation.findUniqueOrThrow({
    where: { slug: SEED_SLUG },
    include: { participations: true },
  });
  const [actorA, actorB] = sweida.participations.map((p) => p.actorId);

  // Confidential source details: every source, public or not, gets both fields.
  const sources = await prisma.source.findMany({ select: { id: true, slug: true } });
  for (const source of sources) {
    const notes = mark(`source.notes:${source.slug}`);
    const conditions = mark(`source.contactConditions:${source.slug}`);
    await prisma.sourceConfidential.upsert({
      where: { sourceId: source.id },
      create: { sourceId: source.id, notes, contactConditions: conditions },
      update: { notes, contactConditions: conditions },
    });
  }
  // The rating rationale is an internal note: no public query selects it.
  await prisma.source.updateMany({ data: { ratingRationale: mark("source.ratingRationale") } });
  const citedSource = await prisma.source.findFirstOrThrow({ where: { status: "ACTIVE", citations: { some: {} } } });

  // A proposed (unreviewed) source, and an archived one merged away.
  const proposedName = mark("source.proposed.name");
  const proposed = await createSource(
    prisma,
    {
      name: proposedName,
      slug: mark("source.proposed.slug"),
      status: "PROPOSED",
      publicDescription: mark("source.proposed.description"),
    },
    mark("source.proposed.notes"),
  );
  const mergeTarget = await createSource(prisma, { name: "Merge target" });
  const mergeVictim = await createSource(prisma, { name: "Merge victim" }, mark("source.mergeVictim.notes"));

  // Drafts and archived records inside the published Sweida negotiation.
  const draftDevelopment = await prisma.development.create({
    data: {
      negotiationId: sweida.id,
      occurredOn: day("2026-03-02"),
      title: mark("development.draft.title"),
      summary: mark("development.draft.summary"),
      kind: "STATEMENT",
      citations: {
        create: [
          {
            sourceId: citedSource.id,
            attribution: mark("citation.draft.attribution"),
            excerpt: mark("citation.draft.excerpt"),
            url: `https://example.org/${mark("citation.draft.url")}`,
          },
          { sourceId: proposed.id, attribution: mark("citation.proposedSource.attribution") },
        ],
      },
      corrections: { create: [{ note: mark("correction.onDraft.note") }] },
    },
  });
  await prisma.stageChange.create({
    data: {
      negotiationId: sweida.id,
      stage: "COLLAPSED",
      effectiveOn: day("2026-03-02"),
      note: mark("stageChange.draft.note"),
      developmentId: draftDevelopment.id,
    },
  });
  await prisma.development.create({
    data: {
      negotiationId: sweida.id,
      occurredOn: day("2026-03-03"),
      title: mark("development.archived.title"),
      summary: mark("development.archived.summary"),
      kind: "OTHER",
      publication: "PUBLISHED",
      publishedAt: new Date(),
      archivedAt: new Date(),
      citations: { create: [{ sourceId: citedSource.id, attribution: mark("citation.archived.attribution") }] },
    },
  });
  // A draft phase whose only terms are a draft, and an archived version of it: none may reach readers.
  const draftPhase = await prisma.phase.create({
    data: {
      negotiationId: sweida.id,
      number: 99,
      name: mark("phase.draft.name"),
      summary: mark("phase.draft.summary"),
    },
  });
  const draftObligation = await prisma.obligation.create({
    data: {
      negotiationId: sweida.id,
      phaseId: draftPhase.id,
      releasingActorId: actorA!,
      receivingActorId: actorB!,
      category: "OTHER",
    },
  });
  await prisma.termsVersion.create({
    data: {
      negotiationId: sweida.id,
      phaseId: draftPhase.id,
      number: 1,
      proposedOn: day("2026-03-01"),
      summary: mark("terms.draft.summary"),
      terms: {
        create: [
          {
            obligationId: draftObligation.id,
            quantityKind: "UNKNOWN",
            quantityWording: mark("obligation.draft.wording"),
            description: mark("obligation.draft.description"),
          },
        ],
      },
      citations: { create: [{ sourceId: citedSource.id, attribution: mark("citation.draftTerms.attribution") }] },
    },
  });
  await prisma.transfer.create({
    data: {
      obligationId: draftObligation.id,
      quantityKind: "EXACT",
      quantityValue: 7,
      place: mark("transfer.draft.place"),
      note: mark("transfer.draft.note"),
      developmentId: draftDevelopment.id,
    },
  });
  await prisma.termsVersion.create({
    data: {
      negotiationId: sweida.id,
      phaseId: draftPhase.id,
      number: 2,
      proposedOn: day("2026-03-01"),
      summary: mark("terms.archived.summary"),
      publication: "PUBLISHED",
      publishedAt: new Date(),
      archivedAt: new Date(),
      terms: {
        create: [
          {
            obligationId: draftObligation.id,
            quantityKind: "EXACT",
            quantityValue: 3,
            description: mark("obligation.archived.description"),
          },
        ],
      },
    },
  });
  await prisma.participation.create({
    data: {
      negotiationId: sweida.id,
      actorId: (await createActor(prisma)).id,
      role: "OBSERVER",
      side: mark("participation.archived.side"),
      description: mark("participation.archived.description"),
      archivedAt: new Date(),
    },
  });
  await prisma.figure.create({
    data: {
      negotiationId: sweida.id,
      slug: mark("figure.draft.slug"),
      label: mark("figure.draft.label"),
      unit: "people",
      description: mark("figure.draft.description"),
      claims: {
        create: [
          {
            quantityKind: "UNKNOWN",
            quantityWording: mark("figureClaim.draftFigure.wording"),
            citations: {
              create: [{ sourceId: citedSource.id, attribution: mark("citation.draftFigure.attribution") }],
            },
          },
        ],
      },
    },
  });
  const publicFigure = await prisma.figure.findFirst({ where: { negotiationId: sweida.id, publication: "PUBLISHED" } });
  if (publicFigure) {
    await prisma.figureClaim.create({
      data: {
        figureId: publicFigure.id,
        quantityKind: "UNKNOWN",
        quantityWording: mark("figureClaim.archived.wording"),
        note: mark("figureClaim.archived.note"),
        archivedAt: new Date(),
      },
    });
  }

  // Positive controls: the same kind of marker in fields readers are meant to see.
  const controls: Marker[] = [];
  const control = (field: string) => {
    const value = newMarker(`control.${field}`);
    controls.push({ field, value });
    return value;
  };
  const publishedDevelopment = await prisma.development.findFirstOrThrow({
    where: { negotiationId: sweida.id, publication: "PUBLISHED", archivedAt: null },
    orderBy: { occurredOn: "desc" },
  });
  await prisma.development.update({
    where: { id: publishedDevelopment.id },
    data: { summary: `${publishedDevelopment.summary} ${control("development.summary")}` },
  });
  await prisma.source.update({
    where: { id: citedSource.id },
    data: { publicDescription: control("source.publicDescription") },
  });

  // Arabic translations (issue 17) of drafts, archived records and unreviewed sources carry markers too:
  // translations are looked up from records readers may see, so none of these may reach /ar pages,
  // Arabic feeds, the Arabic embed or share image, or the API in Arabic.
  const translateMarked = async (field: TranslatableField, entityId: string, name: string) => {
    const text = `نص ${mark(`translation.${name}`)}`;
    await prisma.contentTranslation.upsert({
      where: { field_entityId_locale: { field, entityId, locale: "ar" } },
      create: { field, entityId, locale: "ar", text, originalHash: "0".repeat(64) },
      update: { text },
    });
  };
  await translateMarked("DEVELOPMENT_TITLE", draftDevelopment.id, "draftDevelopment.title");
  await translateMarked("DEVELOPMENT_SUMMARY", draftDevelopment.id, "draftDevelopment.summary");
  const draftCorrection = await prisma.correction.findFirstOrThrow({ where: { developmentId: draftDevelopment.id } });
  await translateMarked("CORRECTION_NOTE", draftCorrection.id, "correctionOnDraft.note");
  await translateMarked("OBLIGATION_DESCRIPTION", draftObligation.id, "draftObligation.description");
  await translateMarked("SOURCE_DESCRIPTION", proposed.id, "proposedSource.description");
  const draftFigure = await prisma.figure.findFirstOrThrow({
    where: { negotiationId: sweida.id, publication: "DRAFT" },
  });
  await translateMarked("FIGURE_LABEL", draftFigure.id, "draftFigure.label");
  await translateMarked("FIGURE_DESCRIPTION", draftFigure.id, "draftFigure.description");
  const archivedDevelopment = await prisma.development.findFirstOrThrow({
    where: { negotiationId: sweida.id, archivedAt: { not: null } },
  });
  await translateMarked("DEVELOPMENT_TITLE", archivedDevelopment.id, "archivedDevelopment.title");
  // The control: the Arabic summary of the published development readers get on /ar and in the Arabic feeds.
  const arabicSummary = await prisma.contentTranslation.findUnique({
    where: { field_entityId_locale: { field: "DEVELOPMENT_SUMMARY", entityId: publishedDevelopment.id, locale: "ar" } },
  });
  const arabicControl = `${arabicSummary?.text ?? "ملخص"} ${control("translation.development.summary")}`;
  await prisma.contentTranslation.upsert({
    where: { field_entityId_locale: { field: "DEVELOPMENT_SUMMARY", entityId: publishedDevelopment.id, locale: "ar" } },
    create: {
      field: "DEVELOPMENT_SUMMARY",
      entityId: publishedDevelopment.id,
      locale: "ar",
      text: arabicControl,
      originalHash: "0".repeat(64),
    },
    update: { text: arabicControl },
  });

  // A draft negotiation (with a published development inside) and an archived one.
  const draftSlug = mark("negotiation.draft.slug");
  const { negotiation: draft } = await createNegotiation(prisma, {
    slug: draftSlug,
    title: mark("negotiation.draft.title"),
    summary: mark("negotiation.draft.summary"),
    publication: "DRAFT",
  });
  await prisma.development.create({
    data: {
      negotiationId: draft.id,
      occurredOn: day("2026-02-01"),
      title: mark("development.inDraftNegotiation.title"),
      summary: "Published inside a draft.",
      kind: "TALKS",
      publication: "PUBLISHED",
      publishedAt: new Date(),
    },
  });
  await translateMarked("NEGOTIATION_TITLE", draft.id, "draftNegotiation.title");
  await translateMarked("NEGOTIATION_SUMMARY", draft.id, "draftNegotiation.summary");
  const archivedSlug = mark("negotiation.archived.slug");
  const { negotiation: archived } = await createNegotiation(prisma, {
    slug: archivedSlug,
    title: mark("negotiation.archived.title"),
    archivedAt: new Date(),
  });

  // An archived actor, and staff-only data: accounts and the audit trail.
  const archivedActor = await createActor(prisma, {
    slug: mark("actor.archived.slug"),
    name: mark("actor.archived.name"),
    description: mark("actor.archived.description"),
    archivedAt: new Date(),
  });
  const staffEmail = `${mark("user.email")}@stack.test`;
  const target = await insertStaffUser(
    prisma,
    { email: staffEmail, name: mark("user.name"), role: "JOURNALIST", password: "target-password-not-for-production" },
    null,
  );
  const hash = (await prisma.user.findUniqueOrThrow({ where: { id: target.id }, select: { passwordHash: true } }))
    .passwordHash!;
  markers.push({ field: "user.passwordHash", value: hash.split("$").pop()! });
  await translateMarked("NEGOTIATION_TITLE", archived.id, "archivedNegotiation.title");
  await prisma.auditEntry.create({
    data: {
      action: "security.marker",
      entityType: "Negotiation",
      entityId: sweida.id,
      negotiationId: sweida.id,
      after: { note: mark("audit.after") },
    },
  });

  return {
    markers,
    controls,
    hidden: {
      negotiationSlugs: [draftSlug, archivedSlug],
      negotiationIds: [draft.id, archived.id],
      sourceSlugs: [proposed.slug, mergeVictim.slug],
      actorSlugs: [archivedActor.slug],
    },
    public: { negotiationSlug: SEED_SLUG, negotiationId: sweida.id },
    targets: { userId: target.id, sourceId: mergeVictim.id, intoSourceId: mergeTarget.id },
  };
}
