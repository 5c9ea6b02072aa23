// The database itself refuses data that breaks Parley's invariants, whatever code writes it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createActor, createNegotiation, createSource } from "@/seeds/factories";

async function termsVersionId() {
  const { negotiation } = await createNegotiation(db());
  return (await db().termsVersion.findFirstOrThrow({ where: { negotiationId: negotiation.id } })).id;
}

describe("database constraints", () => {
  it("refuses a terms item whose range runs backwards or mixes exact and range", async () => {
    const [a, b] = [await createActor(db()), await createActor(db())];
    const base = {
      termsVersionId: await termsVersionId(),
      releasingActorId: a.id,
      receivingActorId: b.id,
      category: "CIVILIANS" as const,
    };
    await expect(db().termsItem.create({ data: { ...base, countMin: 40, countMax: 30 } })).rejects.toThrow(
      /TermsItem_count_form/,
    );
    await expect(db().termsItem.create({ data: { ...base, countExact: 5, countMin: 1 } })).rejects.toThrow(
      /TermsItem_count_form/,
    );
    await expect(db().termsItem.create({ data: { ...base, countExact: -1 } })).rejects.toThrow(
      /TermsItem_counts_non_negative/,
    );
    await expect(db().termsItem.create({ data: { ...base, receivingActorId: a.id, countExact: 1 } })).rejects.toThrow(
      /TermsItem_distinct_sides/,
    );
    await expect(db().termsItem.create({ data: { ...base, countWording: "dozens" } })).resolves.toBeTruthy();
  });

  it("refuses a month-precise date that is not the first of the month", async () => {
    const { negotiation } = await createNegotiation(db());
    const data = {
      negotiationId: negotiation.id,
      title: "t",
      summary: "s",
      kind: "OTHER" as const,
      occurredPrecision: "MONTH" as const,
    };
    await expect(
      db().development.create({ data: { ...data, occurredOn: new Date("2025-07-15T00:00:00Z") } }),
    ).rejects.toThrow(/Development_occurred_precision/);
    await expect(
      db().development.create({ data: { ...data, occurredOn: new Date("2025-07-01T00:00:00Z") } }),
    ).resolves.toBeTruthy();
  });

  it("requires a citation to support exactly one thing", async () => {
    const source = await createSource(db());
    const { negotiation } = await createNegotiation(db());
    const development = await db().development.create({
      data: {
        negotiationId: negotiation.id,
        title: "t",
        summary: "s",
        kind: "OTHER",
        occurredOn: new Date("2026-01-01T00:00:00Z"),
      },
    });
    const tv = await db().termsVersion.findFirstOrThrow({ where: { negotiationId: negotiation.id } });
    await expect(db().citation.create({ data: { sourceId: source.id, attribution: "AFP" } })).rejects.toThrow(
      /Citation_one_target/,
    );
    await expect(
      db().citation.create({
        data: { sourceId: source.id, attribution: "AFP", developmentId: development.id, termsVersionId: tv.id },
      }),
    ).rejects.toThrow(/Citation_one_target/);
    await expect(
      db().citation.create({
        data: { sourceId: source.id, attribution: "AFP", developmentId: development.id, url: "javascript:alert(1)" },
      }),
    ).rejects.toThrow(/Citation_url_http/);
  });

  it("keeps slugs URL-safe and e-mail addresses lower-case", async () => {
    await expect(createActor(db(), { slug: "Not A Slug" })).rejects.toThrow(/Actor_slug_format/);
    await expect(db().user.create({ data: { email: "Mixed@Example.org", name: "M" } })).rejects.toThrow(
      /User_email_lowercase/,
    );
  });

  it("makes the audit trail append-only", async () => {
    const entry = await db().auditEntry.create({ data: { action: "test", entityType: "Test", entityId: "1" } });
    await expect(db().auditEntry.update({ where: { id: entry.id }, data: { action: "tampered" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db().auditEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe('TRUNCATE "AuditEntry"')).rejects.toThrow(/append-only/);
    expect(await db().auditEntry.findUnique({ where: { id: entry.id }, select: { action: true } })).toEqual({
      action: "test",
    });
  });

  it("refuses to delete an actor that a negotiation still uses", async () => {
    const { sideA } = await createNegotiation(db());
    await expect(db().actor.delete({ where: { id: sideA.id } })).rejects.toThrow();
  });
});
