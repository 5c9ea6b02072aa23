import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { HOME_PAGE_SIZE, listPublishedNegotiations } from "@/lib/data/negotiations";
import { searchSources } from "@/lib/data/editor/workspace";
import { listSourcesForAdmin } from "@/lib/data/admin/sources";
import { createNegotiation, createSource } from "@/seeds/factories";
import { asUser } from "../support/request-context";
import { createStaff } from "../support/staff";
import { runSeed } from "@/seeds/run";

describe("listPublishedNegotiations", () => {
  it("lists the seeded Sweida negotiation with its terms in one line, parties and mediator", async () => {
    await runSeed(db(), { includeDevelopmentStaff: false });
    const [sweida] = (await listPublishedNegotiations()).items.filter((n) => n.slug === "sweida-prisoner-exchange");
    expect(sweida).toMatchObject({
      stage: "TALKS",
      terms: { line: "61 civilians ↔ 30 security personnel", status: "PROPOSED" },
      parties: ["Syrian government", "Sheikh Hikmat al-Hijri", "National Guard (Sweida)"],
      mediators: ["United States"],
    });
  });

  it("never shows drafts or archived negotiations", async () => {
    const { negotiation: draft } = await createNegotiation(db(), { publication: "DRAFT" });
    const { negotiation: archived } = await createNegotiation(db(), { archivedAt: new Date() });
    const { negotiation: visible } = await createNegotiation(db());
    const slugs = (await listPublishedNegotiations()).items.map((n) => n.slug);
    expect(slugs).toContain(visible.slug);
    expect(slugs).not.toContain(draft.slug);
    expect(slugs).not.toContain(archived.slug);
  });

  it("uses the newest published terms version, ignoring newer drafts", async () => {
    const { negotiation, sideA, sideB } = await createNegotiation(db(), { terms: { a: 10, b: 5 } });
    const v1 = await db().termsVersion.findFirstOrThrow({ where: { negotiationId: negotiation.id } });
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
        proposedOn: new Date("2026-02-01T00:00:00Z"),
        publication: "DRAFT",
        terms: { create: [{ obligationId: hostages.id, quantityKind: "EXACT", quantityValue: 999 }] },
      },
    });
    const listed = (await listPublishedNegotiations()).items.find((n) => n.slug === negotiation.slug);
    expect(listed?.terms?.line).toBe("10 civilians ↔ 5 fighters");
  });

  it("filters active and concluded negotiations", async () => {
    const { negotiation: concluded } = await createNegotiation(db(), { stage: "CONCLUDED" });
    const { negotiation: collapsed } = await createNegotiation(db(), { stage: "COLLAPSED" });
    const { negotiation: live } = await createNegotiation(db(), { stage: "IMPLEMENTATION" });
    const active = (await listPublishedNegotiations("active")).items.map((n) => n.slug);
    const done = (await listPublishedNegotiations("concluded")).items.map((n) => n.slug);
    expect(active).toContain(live.slug);
    expect(active).not.toContain(concluded.slug);
    expect(done).toEqual(expect.arrayContaining([concluded.slug, collapsed.slug]));
    expect(done).not.toContain(live.slug);
  });

  it("shows a negotiation without terms as having none", async () => {
    const { negotiation } = await createNegotiation(db(), { terms: null });
    const listed = (await listPublishedNegotiations()).items.find((n) => n.slug === negotiation.slug);
    expect(listed?.terms).toBeNull();
  });

  it("pages the list, most recently updated first, without repeating or skipping a negotiation", async () => {
    for (let i = 0; i < HOME_PAGE_SIZE + 1; i++)
      await createNegotiation(db(), { terms: null, updatedAt: new Date(Date.UTC(2030, 0, 1, 0, i)) });
    const first = await listPublishedNegotiations("all", "", 1);
    expect(first.items).toHaveLength(HOME_PAGE_SIZE);
    expect(first.pageCount).toBe(Math.ceil(first.total / HOME_PAGE_SIZE));
    expect(first.pageCount).toBeGreaterThan(1);
    const pages = [first];
    for (let page = 2; page <= first.pageCount; page++) pages.push(await listPublishedNegotiations("all", "", page));
    const slugs = pages.flatMap((p) => p.items.map((n) => n.slug));
    expect(new Set(slugs).size).toBe(first.total);
    const times = pages.flatMap((p) => p.items.map((n) => n.updatedAt));
    expect(times).toEqual([...times].sort().reverse());
  });
});

describe("search", () => {
  it("treats % _ and \\ as the characters typed, not as LIKE wildcards, for readers and staff", async () => {
    const { negotiation: percent } = await createNegotiation(db(), { title: "Talks at 100% agreement" });
    const { negotiation: underscore } = await createNegotiation(db(), { title: "Talks under code a_b" });
    const { negotiation: backslash } = await createNegotiation(db(), { title: "Talks filed as a\\b" });
    const { negotiation: plain } = await createNegotiation(db(), { title: "Talks with plain words" });
    const found = async (q: string) => (await listPublishedNegotiations("all", q)).items.map((n) => n.slug);

    expect(await found("%")).toEqual([percent.slug]);
    expect(await found("100%")).toEqual([percent.slug]);
    expect(await found("a_b")).toEqual([underscore.slug]);
    expect(await found("_")).toEqual([underscore.slug]);
    expect(await found("a\\b")).toEqual([backslash.slug]);
    expect(await found("plain")).toEqual([plain.slug]);

    const suffix = `${Date.now()}`;
    const wild = await createSource(db(), { name: `Wire 50% ${suffix}` });
    await createSource(db(), { name: `Wire 50x ${suffix}` });
    const journalist = await createStaff("JOURNALIST");
    const admin = await createStaff("ADMIN");
    const staffFound = await asUser(journalist, () => searchSources("%"));
    expect(staffFound.map((s) => s.id)).toEqual([wild.id]);
    expect((await asUser(journalist, () => searchSources("_"))).map((s) => s.id)).toEqual([]);
    const adminFound = await asUser(admin, () =>
      listSourcesForAdmin({ q: "50%", sort: "name", page: 1, kind: undefined, rating: undefined, status: undefined }),
    );
    expect(adminFound.rows.map((s) => s.id)).toEqual([wild.id]);
  });
});
