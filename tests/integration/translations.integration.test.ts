import { beforeAll, describe, expect, it } from "vitest";
import { saveTranslationAction } from "@/lib/actions/translations";
import { getTranslationOverview } from "@/lib/data/editor/translation-overview";
import { db } from "@/lib/db/client";
import { originalHash } from "@/lib/translations/state";
import { createNegotiation } from "@/seeds/factories";
import { asUser, type TestUser } from "../support/request-context";
import { createStaff } from "../support/staff";

let journalist: TestUser;
beforeAll(async () => {
  journalist = await createStaff("JOURNALIST");
});

const as = <T>(fn: () => Promise<T>) => asUser(journalist, fn);

async function negotiationWithTexts() {
  const made = await createNegotiation(db(), { title: "Sweida exchange", summary: "Talks on a swap." });
  const development = await db().development.create({
    data: {
      negotiationId: made.negotiation.id,
      occurredOn: new Date("2026-02-24T00:00:00Z"),
      title: "Talks reported",
      summary: "Both sides met.",
      kind: "TALKS",
      publication: "PUBLISHED",
      publishedAt: new Date(),
    },
  });
  return { ...made, development };
}

const save = (field: string, entityId: string, text: string, original: string, version = 0) =>
  as(() =>
    saveTranslationAction(null, {
      field,
      entityId,
      locale: "ar",
      text,
      originalHash: originalHash(original),
      version: String(version),
    }),
  );

describe("content translations", () => {
  it("lists missing translations, then current ones, then outdated ones after the English changes", async () => {
    const { negotiation, development } = await negotiationWithTexts();
    const before = await as(() => getTranslationOverview(negotiation.id));
    const states = (o: typeof before) => Object.fromEntries(o.items.map((i) => [`${i.field}`, i.state]));
    // The obligations' empty descriptions need no translation and are not listed.
    expect(states(before)).toEqual({
      NEGOTIATION_TITLE: "missing",
      NEGOTIATION_SUMMARY: "missing",
      DEVELOPMENT_TITLE: "missing",
      DEVELOPMENT_SUMMARY: "missing",
    });

    expect(await save("NEGOTIATION_TITLE", negotiation.id, "تبادل السويداء", "Sweida exchange")).toMatchObject({
      ok: true,
      data: { version: 1, state: "current" },
    });
    expect(await save("DEVELOPMENT_TITLE", development.id, "الإعلان عن محادثات", "Talks reported")).toMatchObject({
      ok: true,
    });
    await db().negotiation.update({ where: { id: negotiation.id }, data: { title: "Sweida prisoner exchange" } });

    const after = await as(() => getTranslationOverview(negotiation.id));
    expect(states(after)).toEqual({
      NEGOTIATION_TITLE: "outdated",
      NEGOTIATION_SUMMARY: "missing",
      DEVELOPMENT_TITLE: "current",
      DEVELOPMENT_SUMMARY: "missing",
    });
    expect(after.counts).toMatchObject({ current: 1, outdated: 1, missing: 2 });
    expect(after.items[0]!.translation).toMatchObject({ text: "تبادل السويداء", version: 1 });
  });

  it("keeps every version in the audit log and brings an outdated translation up to date", async () => {
    const { negotiation } = await negotiationWithTexts();
    await save("NEGOTIATION_SUMMARY", negotiation.id, "محادثات", "Talks on a swap.");
    await db().negotiation.update({ where: { id: negotiation.id }, data: { summary: "US-mediated talks on a swap." } });
    const updated = await save(
      "NEGOTIATION_SUMMARY",
      negotiation.id,
      "محادثات بوساطة أمريكية",
      "US-mediated talks on a swap.",
      1,
    );
    expect(updated).toMatchObject({ ok: true, data: { version: 2, state: "current" } });

    const rows = await db().auditEntry.findMany({
      where: { entityType: "ContentTranslation", negotiationId: negotiation.id },
      orderBy: { id: "asc" },
      select: { action: true, userId: true, before: true, after: true },
    });
    expect(rows.map((r) => r.action)).toEqual(["translation.save", "translation.save"]);
    expect(rows[1]).toMatchObject({
      userId: journalist.id,
      before: { text: "محادثات", version: 1 },
      after: { text: "محادثات بوساطة أمريكية", version: 2 },
    });
  });

  it("refuses a save made against English that has changed, or over someone else's newer version", async () => {
    const { negotiation } = await negotiationWithTexts();
    expect(await save("NEGOTIATION_TITLE", negotiation.id, "عنوان", "An older title")).toMatchObject({
      ok: false,
      code: "INVALID",
      errors: { text: [expect.stringContaining("changed")] },
    });
    await save("NEGOTIATION_TITLE", negotiation.id, "عنوان", "Sweida exchange");
    expect(await save("NEGOTIATION_TITLE", negotiation.id, "عنوان آخر", "Sweida exchange", 0)).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });

  it("removes a translation saved empty, and refuses journalists source descriptions", async () => {
    const { negotiation } = await negotiationWithTexts();
    await save("NEGOTIATION_TITLE", negotiation.id, "عنوان", "Sweida exchange");
    expect(await save("NEGOTIATION_TITLE", negotiation.id, "  ", "Sweida exchange", 1)).toMatchObject({
      ok: true,
      data: { state: "missing" },
    });
    expect(await db().contentTranslation.count({ where: { entityId: negotiation.id } })).toBe(0);
    const source = await db().source.create({
      data: { slug: `s-${negotiation.id.slice(0, 8)}`, name: "S", kind: "OUTLET", publicDescription: "A wire." },
    });
    expect(await save("SOURCE_DESCRIPTION", source.id, "وكالة", "A wire.")).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });
});
