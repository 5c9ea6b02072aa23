import { describe, expect, it } from "vitest";
import { parseAuditRow } from "./events";
import { auditActionLabels, auditEventLabel } from "./labels";

const translation = {
  id: "7f1c2f9e-0000-4000-8000-000000000010",
  field: "DEVELOPMENT_TITLE",
  entityId: "7f1c2f9e-0000-4000-8000-000000000011",
  locale: "ar",
  text: "اندلاع اشتباكات دامية في محافظة السويداء",
  originalHash: "a".repeat(64),
  version: 1,
} as const;

const row = (action: string, payload: { before?: unknown; after?: unknown }) =>
  parseAuditRow({
    action,
    entityType: "ContentTranslation",
    entityId: translation.id,
    before: payload.before ?? null,
    after: payload.after ?? null,
  })!;

describe("audit labels", () => {
  it("say which language and which text a translation event concerns, and whether it was new", () => {
    expect(auditEventLabel(row("translation.save", { after: translation }))).toBe(
      "Arabic translation added: Development title",
    );
    expect(
      auditEventLabel(row("translation.save", { before: translation, after: { ...translation, version: 2 } })),
    ).toBe("Arabic translation revised: Development title");
    expect(auditEventLabel(row("translation.delete", { before: { ...translation, field: "CORRECTION_NOTE" } }))).toBe(
      "Arabic translation removed: Correction note",
    );
  });

  it("word every other event by its action", () => {
    const event = parseAuditRow({
      action: "user.password.reset",
      entityType: "User",
      entityId: "u1",
      before: null,
      after: null,
    })!;
    expect(auditEventLabel(event)).toBe("Password reset");
    expect(Object.values(auditActionLabels).every((label) => label.length > 0)).toBe(true);
  });
});
