import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { SEEDS_DIR, SeedFileError, loadSeedCases } from "@/seeds/load";
import { isDatabaseEmpty, runSeed } from "@/seeds/run";

async function rowCounts() {
  const prisma = db();
  const [
    negotiations,
    actors,
    aliases,
    sources,
    confidential,
    terms,
    items,
    developments,
    citations,
    figures,
    claims,
    stages,
    users,
    audit,
  ] = await Promise.all([
    prisma.negotiation.count(),
    prisma.actor.count(),
    prisma.actorAlias.count(),
    prisma.source.count(),
    prisma.sourceConfidential.count(),
    prisma.termsVersion.count(),
    prisma.obligationTerm.count(),
    prisma.development.count(),
    prisma.citation.count(),
    prisma.figure.count(),
    prisma.figureClaim.count(),
    prisma.stageChange.count(),
    prisma.user.count(),
    prisma.auditEntry.count(),
  ]);
  return {
    negotiations,
    actors,
    aliases,
    sources,
    confidential,
    terms,
    items,
    developments,
    citations,
    figures,
    claims,
    stages,
    users,
    audit,
  };
}

async function caseDirWith(mutate: (seed: Record<string, unknown>) => void): Promise<string> {
  const seed = JSON.parse(await readFile(path.join(SEEDS_DIR, "cases", "sweida-2026.json"), "utf8"));
  mutate(seed);
  const dir = await mkdtemp(path.join(os.tmpdir(), "parley-seed-"));
  await writeFile(path.join(dir, "broken-case.json"), JSON.stringify(seed));
  return dir;
}

describe("seed", () => {
  it("loads the Sweida case with its terms, developments and disputed figures", async () => {
    expect(await isDatabaseEmpty(db())).toBe(true);
    await runSeed(db(), { includeDevelopmentStaff: true });
    expect(await isDatabaseEmpty(db())).toBe(false);

    const negotiation = await db().negotiation.findUniqueOrThrow({
      where: { slug: "sweida-prisoner-exchange" },
      select: {
        stage: true,
        publication: true,
        participations: { select: { role: true, actor: { select: { slug: true } } } },
        termsVersions: {
          select: {
            status: true,
            terms: {
              orderBy: { position: "asc" },
              select: { quantityKind: true, quantityValue: true, obligation: { select: { category: true } } },
            },
          },
        },
        developments: {
          select: {
            occurredPrecision: true,
            title: true,
            singleAnonymousSource: true,
            _count: { select: { citations: true } },
          },
        },
        figures: { select: { slug: true, claims: { select: { quantityWording: true } } } },
      },
    });
    expect(negotiation.stage).toBe("TALKS");
    expect(negotiation.publication).toBe("PUBLISHED");
    expect(negotiation.participations).toContainEqual({ role: "MEDIATOR", actor: { slug: "united-states" } });
    expect(negotiation.termsVersions).toEqual([
      {
        status: "PROPOSED",
        terms: [
          { quantityKind: "EXACT", quantityValue: 61, obligation: { category: "CIVILIANS" } },
          { quantityKind: "EXACT", quantityValue: 30, obligation: { category: "SECURITY_PERSONNEL" } },
        ],
      },
    ]);
    expect(negotiation.developments).toHaveLength(6);
    expect(negotiation.developments.every((d) => d._count.citations > 0)).toBe(true);
    const clashes = negotiation.developments.find((d) => d.title.startsWith("Deadly clashes"));
    expect(clashes?.occurredPrecision).toBe("MONTH");
    const talks = negotiation.developments.find((d) => d.title.startsWith("US-mediated"));
    expect(talks?.singleAnonymousSource).toBe(true);
    const deaths = negotiation.figures.find((f) => f.slug === "deaths-july-2025");
    expect(deaths?.claims.map((c) => c.quantityWording).sort()).toEqual(["more than 2,000", "thousands (estimated)"]);

    const nationalGuard = await db().actor.findUniqueOrThrow({
      where: { slug: "national-guard-sweida" },
      select: { parent: { select: { slug: true } } },
    });
    expect(nationalGuard.parent?.slug).toBe("hikmat-al-hijri");
  });

  it("is idempotent: a second run adds nothing", async () => {
    const before = await rowCounts();
    await runSeed(db(), { includeDevelopmentStaff: true });
    expect(await rowCounts()).toEqual(before);
  });

  it("stores development passwords only as argon2id hashes", async () => {
    const admin = await db().user.findUniqueOrThrow({
      where: { email: "admin@parley.test" },
      select: { role: true, passwordHash: true },
    });
    expect(admin.role).toBe("ADMIN");
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
    expect(admin.passwordHash).not.toContain("parley-admin-dev");
    expect(await verifyPassword(admin.passwordHash!, "parley-admin-dev")).toBe(true);
  });

  it("writes an audit row for every seeded record", async () => {
    const audited = await db().auditEntry.groupBy({
      by: ["entityType"],
      _count: true,
      where: { action: "seed.create" },
    });
    const byType = Object.fromEntries(audited.map((row) => [row.entityType, row._count]));
    const counts = await rowCounts();
    expect(byType).toMatchObject({
      Negotiation: counts.negotiations,
      Actor: counts.actors,
      Source: counts.sources,
      Development: counts.developments,
      User: 2,
    });
  });

  it("names the file and the field of an invalid seed", async () => {
    const dir = await caseDirWith((seed) => {
      const negotiation = seed.negotiation as { terms: Array<{ obligations: Array<{ quantity: unknown }> }> };
      negotiation.terms[0]!.obligations[1]!.quantity = { kind: "RANGE", min: 40, max: 30 };
    });
    const error = await loadSeedCases(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedFileError);
    expect((error as Error).message).toContain(path.join(dir, "broken-case.json"));
    expect((error as Error).message).toContain(
      "negotiation.terms.0.obligations.1.quantity.max: The high end of the range must not be below the low end.",
    );
  });

  it("rejects references to undeclared actors and impossible dates", async () => {
    const dir = await caseDirWith((seed) => {
      const negotiation = seed.negotiation as {
        participants: Array<{ actor: string }>;
        developments: Array<{ occurredOn: string }>;
      };
      negotiation.participants[0]!.actor = "nobody";
      negotiation.developments[0]!.occurredOn = "2025-02-30";
    });
    const message = String(((await loadSeedCases(dir).catch((e: unknown) => e)) as Error).message);
    expect(message).toContain(
      "negotiation.developments.0.occurredOn: Enter a real date as YYYY-MM-DD, YYYY-MM or YYYY.",
    );
    // Reference checks run once the shapes are valid, so fix the date and look again.
    const dir2 = await caseDirWith((seed) => {
      (seed.negotiation as { participants: Array<{ actor: string }> }).participants[0]!.actor = "nobody";
    });
    const message2 = String(((await loadSeedCases(dir2).catch((e: unknown) => e)) as Error).message);
    expect(message2).toContain('negotiation.participants.0.actor: Unknown actor "nobody".');
  });

  it("reports malformed JSON with the file name", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "parley-seed-"));
    await writeFile(path.join(dir, "bad.json"), "{ not json");
    await expect(loadSeedCases(dir)).rejects.toThrow(/Seed file .*bad\.json is not valid JSON/);
  });
});
