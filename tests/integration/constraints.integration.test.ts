// The database itself refuses data that breaks Parley's invariants, whatever code writes it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createActor, createNegotiation, createSource } from "@/seeds/factories";

async function obligationTermBase() {
  const { negotiation } = await createNegotiation(db(), { terms: { a: 61, b: 30 } });
  const version = await db().termsVersion.findFirstOrThrow({ where: { negotiationId: negotiation.id } });
  const [a, b] = [await createActor(db()), await createActor(db())];
  const obligation = await db().obligation.create({
    data: {
      negotiationId: negotiation.id,
      phaseId: version.phaseId,
      releasingActorId: a.id,
      receivingActorId: b.id,
      category: "CIVILIANS",
    },
  });
  return { negotiation, version, a, b, obligation };
}

describe("database constraints", () => {
  it("refuses a quantity whose columns do not fit its kind, or that is negative", async () => {
    const { version, obligation } = await obligationTermBase();
    const base = { termsVersionId: version.id, obligationId: obligation.id };
    await expect(
      db().obligationTerm.create({ data: { ...base, quantityKind: "RANGE", quantityMin: 40, quantityMax: 30 } }),
    ).rejects.toThrow(/ObligationTerm_quantity_form/);
    await expect(
      db().obligationTerm.create({ data: { ...base, quantityKind: "EXACT", quantityValue: 5, quantityMin: 1 } }),
    ).rejects.toThrow(/ObligationTerm_quantity_form/);
    await expect(
      db().obligationTerm.create({ data: { ...base, quantityKind: "APPROXIMATE", quantityValue: 1900 } }),
    ).rejects.toThrow(/ObligationTerm_quantity_form/);
    await expect(db().obligationTerm.create({ data: { ...base, quantityKind: "UNKNOWN" } })).rejects.toThrow(
      /ObligationTerm_quantity_form/,
    );
    await expect(
      db().obligationTerm.create({ data: { ...base, quantityKind: "EXACT", quantityValue: -1 } }),
    ).rejects.toThrow(/ObligationTerm_quantity_non_negative/);
    await expect(db().obligationTerm.create({ data: { ...base } })).rejects.toThrow(/ObligationTerm_quantity_or_ratio/);
    await expect(
      db().obligationTerm.create({ data: { ...base, quantityKind: "UNKNOWN", quantityWording: "dozens" } }),
    ).resolves.toBeTruthy();
  });

  it("refuses an obligation released to its own side, and a ratio counted against itself", async () => {
    const { negotiation, version, a, obligation } = await obligationTermBase();
    await expect(
      db().obligation.create({
        data: {
          negotiationId: negotiation.id,
          phaseId: version.phaseId,
          releasingActorId: a.id,
          receivingActorId: a.id,
          category: "CIVILIANS",
        },
      }),
    ).rejects.toThrow(/Obligation_distinct_sides/);
    await expect(
      db().obligationTerm.create({
        data: { termsVersionId: version.id, obligationId: obligation.id, perUnit: 3, perUnitOfId: obligation.id },
      }),
    ).rejects.toThrow(/ObligationTerm_ratio_not_self/);
  });

  it("refuses a transfer with a malformed quantity", async () => {
    const { obligation } = await obligationTermBase();
    await expect(
      db().transfer.create({
        data: { obligationId: obligation.id, quantityKind: "APPROXIMATE", quantityValue: 5 },
      }),
    ).rejects.toThrow(/Transfer_quantity_form/);
    await expect(
      db().transfer.create({ data: { obligationId: obligation.id, quantityKind: "EXACT", quantityValue: -3 } }),
    ).rejects.toThrow(/Transfer_quantity_non_negative/);
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
