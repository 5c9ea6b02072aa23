// Small builders for tests and benchmarks: valid rows with sensible defaults.
import { randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { originalHash } from "@/lib/translations/state";

const unique = () => randomBytes(4).toString("hex");

export async function createActor(prisma: PrismaClient, data: Partial<Prisma.ActorUncheckedCreateInput> = {}) {
  const id = unique();
  return prisma.actor.create({ data: { slug: `actor-${id}`, name: `Actor ${id}`, kind: "GOVERNMENT", ...data } });
}

export async function createSource(
  prisma: PrismaClient,
  data: Partial<Prisma.SourceUncheckedCreateInput> = {},
  confidentialNotes = "",
) {
  const id = unique();
  return prisma.source.create({
    data: {
      slug: `source-${id}`,
      name: `Source ${id}`,
      kind: "OUTLET",
      reliability: "C",
      ...data,
      confidential: { create: { notes: confidentialNotes } },
    },
  });
}

type NegotiationOptions = Partial<Prisma.NegotiationUncheckedCreateInput> & {
  /** Two exact-count items, one per side, published with the negotiation. */
  terms?: { a: number; b: number } | null;
};

export async function createNegotiation(
  prisma: PrismaClient,
  { terms = { a: 10, b: 5 }, ...data }: NegotiationOptions = {},
) {
  const id = unique();
  const published = (data.publication ?? "PUBLISHED") === "PUBLISHED";
  const [sideA, sideB, mediator] = await Promise.all([
    createActor(prisma),
    createActor(prisma, { kind: "ARMED_GROUP" }),
    createActor(prisma),
  ]);
  const negotiation = await prisma.negotiation.create({
    data: {
      slug: `negotiation-${id}`,
      title: `Negotiation ${id}`,
      region: "Region",
      country: "Country",
      stage: "TALKS",
      publication: published ? "PUBLISHED" : "DRAFT",
      publishedAt: published ? new Date() : null,
      ...data,
      participations: {
        create: [
          { actorId: sideA.id, role: "PARTY", side: "A", position: 0 },
          { actorId: sideB.id, role: "PARTY", side: "B", position: 1 },
          { actorId: mediator.id, role: "MEDIATOR", position: 2 },
        ],
      },
    },
  });
  if (terms) {
    const phase = await prisma.phase.create({ data: { negotiationId: negotiation.id, number: 1 } });
    const obligation = (releasingActorId: string, receivingActorId: string, category: "CIVILIANS" | "FIGHTERS") =>
      prisma.obligation.create({
        data: { negotiationId: negotiation.id, phaseId: phase.id, releasingActorId, receivingActorId, category },
      });
    const civilians = await obligation(sideA.id, sideB.id, "CIVILIANS");
    const fighters = await obligation(sideB.id, sideA.id, "FIGHTERS");
    await prisma.termsVersion.create({
      data: {
        negotiationId: negotiation.id,
        phaseId: phase.id,
        number: 1,
        proposedOn: new Date("2026-01-10T00:00:00Z"),
        publication: "PUBLISHED",
        publishedAt: new Date(),
        terms: {
          create: [
            { position: 0, obligationId: civilians.id, quantityKind: "EXACT", quantityValue: terms.a },
            { position: 1, obligationId: fighters.id, quantityKind: "EXACT", quantityValue: terms.b },
          ],
        },
      },
    });
  }
  return { negotiation, sideA, sideB, mediator };
}

/** An Arabic translation of a negotiation's title, made for its current English title. */
export async function translateNegotiationTitle(
  prisma: PrismaClient,
  negotiation: { id: string; title: string },
  text: string,
) {
  return prisma.contentTranslation.create({
    data: {
      field: "NEGOTIATION_TITLE",
      entityId: negotiation.id,
      locale: "ar",
      text,
      originalHash: originalHash(negotiation.title),
    },
  });
}
