import { describe, expect, it } from "vitest";
import { auditEventSchema, parseAuditRow } from "./events";

const negotiation = {
  id: "7f1c2f9e-0000-4000-8000-000000000001",
  slug: "sweida-exchange",
  title: "Sweida exchange",
  summary: "",
  region: "Sweida",
  country: "Syria",
  stage: "TALKS",
  publication: "DRAFT",
  archivedAt: new Date("2026-01-02T03:04:05.000Z"),
  version: 2,
} as const;

describe("audit events", () => {
  it("accepts an event with its payload, and reads it back from the JSON a row stores", () => {
    const event = {
      action: "negotiation.update",
      entityType: "Negotiation",
      entityId: negotiation.id,
      before: { ...negotiation, version: 1 },
      after: negotiation,
    } as const;
    expect(auditEventSchema.safeParse(event).success).toBe(true);
    const stored = JSON.parse(JSON.stringify(event));
    expect(parseAuditRow(stored)).toMatchObject({
      action: "negotiation.update",
      after: { stage: "TALKS", version: 2 },
    });
  });

  it("refuses an unknown action, a wrong record type and a payload that is not the action's", () => {
    const base = { entityId: negotiation.id, after: negotiation };
    expect(
      auditEventSchema.safeParse({ ...base, action: "negotiation.rename", entityType: "Negotiation" }).success,
    ).toBe(false);
    expect(auditEventSchema.safeParse({ ...base, action: "negotiation.create", entityType: "Source" }).success).toBe(
      false,
    );
    const badStage = { ...base, action: "negotiation.create", entityType: "Negotiation" };
    expect(auditEventSchema.safeParse({ ...badStage, after: { ...negotiation, stage: "RUMOURED" } }).success).toBe(
      false,
    );
  });

  it("gives null for a row no schema describes, so readers fall back instead of trusting a cast", () => {
    expect(
      parseAuditRow({ action: "test.change", entityType: "Development", entityId: "x", before: null, after: {} }),
    ).toBeNull();
    expect(
      parseAuditRow({
        action: "development.update",
        entityType: "Development",
        entityId: "x",
        before: { title: "No citations recorded" },
        after: { title: "Still none" },
      }),
    ).toBeNull();
  });
});
