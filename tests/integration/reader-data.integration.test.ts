// Reader data functions: only published rows, never confidential fields, and
// ordering, precision and pagination as readers see them.
import { beforeAll, describe, expect, it } from "vitest";
import { getPublicActor, getPublicSource } from "@/lib/data/reader/entities";
import { getPublishedNegotiation } from "@/lib/data/reader/negotiation";
import { getSitemapEntries } from "@/lib/data/reader/sitemap";
import { TIMELINE_PAGE_SIZE, getTimelinePage, listPublicCorrections } from "@/lib/data/reader/timeline";
import { db } from "@/lib/db/client";
import { createNegotiation, createSource } from "@/seeds/factories";
import { runSeed } from "@/seeds/run";
import { termsConfidence } from "@/lib/format/confidence";

const MARKER = "CONFIDENTIAL-MARKER-7f3a9c";
const SWEIDA = "sweida-prisoner-exchange";

async function addDevelopment(
  negotiationId: string,
  data: Partial<{
    title: string;
    occurredOn: string;
    precision: "DAY" | "MONTH" | "YEAR";
    published: boolean;
    archived: boolean;
  }> = {},
) {
  const published = data.published ?? true;
  return db().development.create({
    data: {
      negotiationId,
      title: data.title ?? "A development",
      summary: "What happened.",
      kind: "TALKS",
      occurredOn: new Date(`${data.occurredOn ?? "2026-01-01"}T00:00:00Z`),
      occurredPrecision: data.precision ?? "DAY",
      publication: published ? "PUBLISHED" : "DRAFT",
      publishedAt: published ? new Date() : null,
      archivedAt: data.archived ? new Date() : null,
    },
  });
}

beforeAll(async () => {
  await runSeed(db(), { includeDevelopmentStaff: false });
  // A marker in every confidential field: none may reach a reader function's output.
  await db().sourceConfidential.updateMany({
    data: { notes: `${MARKER} notes`, contactConditions: `${MARKER} contact` },
  });
});

describe("getPublishedNegotiation", () => {
  it("returns the seeded case with its terms, participants and disputed figures", async () => {
    const negotiation = (await getPublishedNegotiation(SWEIDA))!;
    expect(
      negotiation.phases[0]!.current!.obligations.map((o) => [
        o.text,
        o.category,
        o.progress.releasedCount,
        o.progress.target,
      ]),
    ).toEqual([
      ["61 civilians", "CIVILIANS", 0, 61],
      ["30 security personnel", "SECURITY_PERSONNEL", 0, 30],
    ]);
    expect(negotiation.sides.map((side) => side.progressText)).toEqual(["0 of 61", "0 of 30"]);
    expect(negotiation.participants.filter((p) => p.role === "MEDIATOR").map((p) => p.actor.name)).toEqual([
      "United States",
    ]);
    const deaths = negotiation.figures.find((f) => f.slug === "deaths-july-2025")!;
    expect(deaths.claims.map((c) => [c.text, c.citations[0]!.source.name])).toEqual([
      ["more than 2,000", "Syrian Observatory for Human Rights"],
      ["thousands (estimated)", "Agence France-Presse"],
    ]);
    expect(negotiation.developmentCount).toBe(6);
    // The newest development's date, not the record's edit time; Arabic names beside the English ones.
    expect(negotiation.latestDevelopment).toEqual({ on: "2026-02-24T00:00:00.000Z", precision: "DAY" });
    expect(negotiation.participants.find((p) => p.actor.slug === "hikmat-al-hijri")!.arabicName).toBe("حكمت الهجري");
    expect(termsConfidence(negotiation.phases[0]!.current!.citations)).toEqual({
      singleAnonymousSource: true,
      unconfirmedBySides: true,
      lowestRating: "F",
      sourceCount: 1,
    });
  });

  it("never includes confidential source notes anywhere in reader data", async () => {
    const everything = JSON.stringify([
      await getPublishedNegotiation(SWEIDA),
      await getTimelinePage(SWEIDA, "newest", 1),
      await getPublicSource("druze-source-knowledge-of-talks"),
      await getPublicActor("hikmat-al-hijri"),
    ]);
    expect(everything).toContain("Druze source with knowledge of the talks");
    expect(everything).not.toContain(MARKER);
  });

  it("hides drafts, archived negotiations and unknown slugs", async () => {
    const { negotiation: draft } = await createNegotiation(db(), { publication: "DRAFT" });
    const { negotiation: archived } = await createNegotiation(db(), { archivedAt: new Date() });
    expect(await getPublishedNegotiation(draft.slug)).toBeNull();
    expect(await getPublishedNegotiation(archived.slug)).toBeNull();
    expect(await getPublishedNegotiation("no-such-negotiation")).toBeNull();
    expect((await getTimelinePage(draft.slug, "newest", 1)).total).toBe(0);
  });

  it("shows only published terms versions and counts only public releases towards progress", async () => {
    const { negotiation, sideA, sideB } = await createNegotiation(db(), { terms: { a: 40, b: 10 } });
    const v1 = await db().termsVersion.findFirstOrThrow({
      where: { negotiationId: negotiation.id },
      include: { terms: true },
    });
    const hostages = await db().obligation.create({
      data: {
        negotiationId: negotiation.id,
        phaseId: v1.phaseId,
        releasingActorId: sideA.id,
        receivingActorId: sideB.id,
        category: "HOSTAGES",
      },
    });
    await db().termsVersion.create({
      data: {
        negotiationId: negotiation.id,
        phaseId: v1.phaseId,
        number: 2,
        supersedesId: v1.id,
        proposedOn: new Date("2026-03-01T00:00:00Z"),
        terms: { create: [{ obligationId: hostages.id, quantityKind: "EXACT", quantityValue: 1 }] },
      },
    });
    const draftDevelopment = await addDevelopment(negotiation.id, { published: false });
    const obligationId = v1.terms.find((t) => t.quantityValue === 40)!.obligationId;
    await db().transfer.createMany({
      data: [
        { obligationId, quantityKind: "EXACT", quantityValue: 12, occurredOn: new Date("2026-03-02T00:00:00Z") },
        {
          obligationId,
          quantityKind: "EXACT",
          quantityValue: 5,
          occurredOn: new Date("2026-03-03T00:00:00Z"),
          developmentId: draftDevelopment.id,
        },
      ],
    });
    const view = (await getPublishedNegotiation(negotiation.slug))!;
    expect(view.termsVersions.map((v) => v.number)).toEqual([1]);
    expect(view.phases[0]!.current!.obligations.find((o) => o.id === obligationId)!.progress).toMatchObject({
      releasedCount: 12,
      target: 40,
    });
  });
});

describe("getTimelinePage", () => {
  it("orders newest or oldest first and keeps each date's precision", async () => {
    const newest = await getTimelinePage(SWEIDA, "newest", 1);
    expect(newest.items[0]!.title).toBe("US-mediated prisoner swap talks reported");
    expect(newest.items[0]!.occurredPrecision).toBe("DAY");
    const oldest = await getTimelinePage(SWEIDA, "oldest", 1);
    expect(oldest.items.map((d) => d.id)).toEqual([...newest.items].reverse().map((d) => d.id));
    const clashes = oldest.items.find((d) => d.title === "Deadly clashes erupt in Sweida province")!;
    expect(clashes).toMatchObject({ occurredPrecision: "MONTH", occurredOn: "2025-07-01T00:00:00.000Z" });
    expect(clashes.citations.map((c) => [c.attribution, c.via?.name ?? null])).toEqual([
      ["AFP", null],
      ["the Syrian Observatory for Human Rights", "Agence France-Presse"],
    ]);
  });

  it("pages through long timelines without drafts or archived developments", async () => {
    const { negotiation } = await createNegotiation(db());
    const total = TIMELINE_PAGE_SIZE * 2 + 3;
    for (let i = 0; i < total; i++)
      await addDevelopment(negotiation.id, {
        title: `Day ${i}`,
        occurredOn: `2025-01-${String((i % 28) + 1).padStart(2, "0")}`,
      });
    await addDevelopment(negotiation.id, { title: "Draft", published: false });
    await addDevelopment(negotiation.id, { title: "Archived", archived: true });

    const first = await getTimelinePage(negotiation.slug, "newest", 1);
    expect(first).toMatchObject({ total, pageCount: 3, page: 1 });
    expect(first.items).toHaveLength(TIMELINE_PAGE_SIZE);
    const last = await getTimelinePage(negotiation.slug, "newest", 3);
    expect(last.items).toHaveLength(3);
    const seen = new Set(
      [...first.items, ...(await getTimelinePage(negotiation.slug, "newest", 2)).items, ...last.items].map((d) => d.id),
    );
    expect(seen.size).toBe(total);
    expect([...first.items, ...last.items].some((d) => d.title === "Draft" || d.title === "Archived")).toBe(false);
    expect((await getTimelinePage(negotiation.slug, "newest", 4)).items).toEqual([]);
    expect((await getTimelinePage(negotiation.slug, "newest", 0)).page).toBe(1);
    expect((await getTimelinePage(negotiation.slug, "newest", -5)).page).toBe(1);
  });
});

describe("corrections", () => {
  it("lists public corrections newest first, and none from drafts", async () => {
    const { negotiation } = await createNegotiation(db());
    const published = await addDevelopment(negotiation.id, { title: "Published" });
    const draft = await addDevelopment(negotiation.id, { title: "Draft", published: false });
    await db().correction.create({
      data: {
        developmentId: published.id,
        note: "The count was 30, not 13.",
        correctedAt: new Date("2026-03-01T10:00:00Z"),
      },
    });
    await db().correction.create({
      data: { developmentId: published.id, note: "Date fixed.", correctedAt: new Date("2026-03-02T10:00:00Z") },
    });
    await db().correction.create({ data: { developmentId: draft.id, note: "Hidden." } });
    expect((await listPublicCorrections(negotiation.slug)).map((c) => c.note)).toEqual([
      "Date fixed.",
      "The count was 30, not 13.",
    ]);
    const page = await getTimelinePage(negotiation.slug, "newest", 1);
    expect(page.items[0]!.corrections.map((c) => c.note)).toEqual(["The count was 30, not 13.", "Date fixed."]);
    expect((await getPublishedNegotiation(negotiation.slug))!.correctionCount).toBe(2);
  });
});

describe("sources and actors", () => {
  it("lists only published developments citing a source, and hides sources still under review", async () => {
    const { negotiation } = await createNegotiation(db());
    const source = await createSource(db(), {}, MARKER);
    const published = await addDevelopment(negotiation.id, { title: "Cited in public" });
    const draft = await addDevelopment(negotiation.id, { title: "Cited in a draft", published: false });
    for (const development of [published, draft])
      await db().citation.create({ data: { sourceId: source.id, developmentId: development.id, attribution: "x" } });
    const page = (await getPublicSource(source.slug))!;
    expect(page.citedIn.map((c) => c.title)).toEqual(["Cited in public"]);
    expect(page.citedInTotal).toBe(1);
    expect(JSON.stringify(page)).not.toContain(MARKER);

    const proposed = await createSource(db(), { status: "PROPOSED" });
    expect(await getPublicSource(proposed.slug)).toBeNull();
    const merged = await createSource(db(), { mergedIntoId: source.id, status: "ARCHIVED" });
    expect((await getPublicSource(merged.slug))!.mergedInto).toBe(source.slug);
  });

  it("lists an actor's published negotiations with its roles, and its aliases", async () => {
    const actor = (await getPublicActor("hikmat-al-hijri"))!;
    expect(actor.aliases).toContainEqual({ name: "حكمت الهجري", language: "ar" });
    expect(actor.children.map((c) => c.slug)).toEqual(["national-guard-sweida"]);
    expect(actor.negotiations).toEqual([expect.objectContaining({ slug: SWEIDA, roles: ["PARTY"] })]);
  });

  it("shows an actor only once it appears in something published: never one created inside a draft", async () => {
    const slugOf = async (id: string) => (await db().actor.findUniqueOrThrow({ where: { id } })).slug;
    const { negotiation, sideA, mediator } = await createNegotiation(db(), { publication: "DRAFT" });
    const draftOnly = [await slugOf(sideA.id), await slugOf(mediator.id)];
    // A child made in the draft must not show on its public parent's page either.
    const hijri = await db().actor.findUniqueOrThrow({ where: { slug: "hikmat-al-hijri" } });
    await db().actor.update({ where: { id: sideA.id }, data: { parentId: hijri.id } });
    for (const slug of draftOnly) expect(await getPublicActor(slug), slug).toBeNull();
    expect((await getPublicActor("hikmat-al-hijri"))!.children.map((c) => c.slug)).toEqual(["national-guard-sweida"]);
    const sitemap = (await getSitemapEntries()).map((entry) => entry.path);
    for (const slug of draftOnly) expect(sitemap).not.toContain(`/actors/${slug}`);
    // A child whose parent is only in a draft shows no parent.
    await db().actor.update({ where: { id: hijri.id }, data: { parentId: mediator.id } });
    expect((await getPublicActor("hikmat-al-hijri"))!.parent).toBeNull();

    // Named in a published development of a published negotiation: public, with no negotiation listed.
    const development = await addDevelopment((await createNegotiation(db())).negotiation.id);
    await db().developmentActor.create({ data: { developmentId: development.id, actorId: mediator.id } });
    expect((await getPublicActor(draftOnly[1]!))!.negotiations).toEqual([]);
    expect((await getPublicActor("hikmat-al-hijri"))!.parent?.slug).toBe(draftOnly[1]);

    // Publishing the draft makes its actors public.
    await db().negotiation.update({
      where: { id: negotiation.id },
      data: { publication: "PUBLISHED", publishedAt: new Date() },
    });
    expect((await getPublicActor(draftOnly[0]!))!.negotiations.map((n) => n.slug)).toEqual([negotiation.slug]);
    expect((await getSitemapEntries()).map((entry) => entry.path)).toContain(`/actors/${draftOnly[0]}`);
    await db().actor.update({ where: { id: hijri.id }, data: { parentId: hijri.parentId } });
  });
});
