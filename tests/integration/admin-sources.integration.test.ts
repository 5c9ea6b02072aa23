import { beforeAll, describe, expect, it } from "vitest";
import {
  changeSourceStateAction,
  createSourceAction,
  mergeSourcesAction,
  updateSourceAction,
} from "@/lib/actions/sources";
import type { ServerAction } from "@/lib/actions/define-action";
import { getPublicSource } from "@/lib/data/reader/entities";
import { getPublishedNegotiation } from "@/lib/data/reader/negotiation";
import { getTimelinePage } from "@/lib/data/reader/timeline";
import { db } from "@/lib/db/client";
import { createNegotiation, createSource } from "@/seeds/factories";
import { runSeed } from "@/seeds/run";
import { asUser, type TestUser } from "../support/request-context";
import { createStaff } from "../support/staff";

const MARKER = "SOURCE-SECRET-91c2";
let admin: TestUser;
let journalist: TestUser;

beforeAll(async () => {
  admin = await createStaff("ADMIN");
  journalist = await createStaff("JOURNALIST");
});

const input = {
  name: "Suwayda 24",
  kind: "OUTLET",
  url: "https://suwayda24.example",
  language: "ar",
  publicDescription: "Local news network.",
  reliability: "C",
  ratingRationale: "Local reach; partisan at times.",
  confidentialNotes: `${MARKER} editor is our contact`,
  contactConditions: `${MARKER} Signal only`,
};

async function citeIn(sourceId: string, viaSourceId?: string) {
  const { negotiation } = await createNegotiation(db());
  const development = await db().development.create({
    data: {
      negotiationId: negotiation.id,
      title: "Cited",
      summary: "s",
      kind: "OTHER",
      occurredOn: new Date("2026-01-01T00:00:00Z"),
      publication: "PUBLISHED",
      publishedAt: new Date(),
    },
  });
  await db().citation.create({
    data: { developmentId: development.id, sourceId, viaSourceId, attribution: "as published" },
  });
  return negotiation;
}

describe("source registry", () => {
  it("lets only admins create and edit sources, keeping confidential notes out of the audit and the public side", async () => {
    expect(await asUser(journalist, () => createSourceAction(null, input))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    const created = await asUser(admin, () => createSourceAction(null, input));
    expect(created).toMatchObject({ ok: true });
    const id = (created as { data: { id: string } }).data.id;
    const source = await db().source.findUniqueOrThrow({ where: { id }, include: { confidential: true } });
    expect(source.confidential?.notes).toContain(MARKER);

    const edited = await asUser(admin, () =>
      updateSourceAction(null, {
        ...input,
        sourceId: id,
        version: 1,
        reliability: "B",
        confidentialNotes: `${MARKER} new contact`,
      }),
    );
    expect(edited).toMatchObject({ ok: true });
    expect(await asUser(admin, () => updateSourceAction(null, { ...input, sourceId: id, version: 1 }))).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });

    const audit = JSON.stringify(await db().auditEntry.findMany({ where: { entityId: id } }), (_key, value) =>
      typeof value === "bigint" ? value.toString() : value,
    );
    expect(audit).toContain("confidentialFields");
    expect(audit).not.toContain(MARKER);
    expect(JSON.stringify(await getPublicSource(source.slug))).not.toContain(MARKER);
  });

  it("validates sources field by field", async () => {
    const result = await asUser(admin, () =>
      createSourceAction(null, { ...input, name: "", url: "ftp://x", reliability: "Z", language: "Arabic" }),
    );
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    expect(Object.keys((result as { errors: object }).errors).sort()).toEqual([
      "language",
      "name",
      "reliability",
      "url",
    ]);
    expect(JSON.stringify(result)).not.toContain(MARKER);
  });

  it("approves proposed sources, archives cited ones and deletes only uncited ones", async () => {
    const proposed = await createSource(db(), { status: "PROPOSED" });
    expect(
      await asUser(admin, () =>
        changeSourceStateAction(null, { sourceId: proposed.id, version: 1, action: "approve" }),
      ),
    ).toMatchObject({ ok: true });
    expect((await db().source.findUniqueOrThrow({ where: { id: proposed.id } })).status).toBe("ACTIVE");

    const cited = await createSource(db());
    await citeIn(cited.id);
    expect(
      await asUser(admin, () => changeSourceStateAction(null, { sourceId: cited.id, version: 1, action: "delete" })),
    ).toMatchObject({ ok: false, message: expect.stringContaining("only be archived") });
    expect(
      await asUser(admin, () => changeSourceStateAction(null, { sourceId: cited.id, version: 1, action: "archive" })),
    ).toMatchObject({ ok: true });

    const uncited = await createSource(db());
    expect(
      await asUser(admin, () => changeSourceStateAction(null, { sourceId: uncited.id, version: 1, action: "delete" })),
    ).toMatchObject({ ok: true });
    expect(await db().source.count({ where: { id: uncited.id } })).toBe(0);
    expect(await db().auditEntry.count({ where: { entityId: uncited.id, action: "source.delete" } })).toBe(1);
  });

  it("merges duplicates: citations move in one transaction, counts are preserved, the old page redirects", async () => {
    const survivor = await createSource(db(), { name: "Agence France-Presse" });
    const duplicate = await createSource(db(), { name: "AFP (duplicate)" });
    const anonymous = await createSource(db(), { kind: "ANONYMOUS" });
    const negotiation = await citeIn(duplicate.id);
    await citeIn(anonymous.id, duplicate.id);
    await citeIn(survivor.id);
    const selfVia = await citeIn(survivor.id, duplicate.id); // would become "survivor via survivor": the via is dropped
    const total = await db().citation.count();

    expect(
      await asUser(admin, () =>
        mergeSourcesAction(null, { sourceId: duplicate.id, version: 1, intoSourceId: duplicate.id }),
      ),
    ).toMatchObject({ ok: false, errors: { intoSourceId: ["A source cannot be merged into itself."] } });
    const merged = await asUser(admin, () =>
      mergeSourcesAction(null, { sourceId: duplicate.id, version: 1, intoSourceId: survivor.id }),
    );
    expect(merged).toMatchObject({ ok: true, data: { moved: 2 } });
    expect(
      await db().citation.findFirstOrThrow({ where: { development: { negotiationId: selfVia.id } } }),
    ).toMatchObject({ sourceId: survivor.id, viaSourceId: null });
    expect(await db().citation.count()).toBe(total);
    expect(
      await db().citation.count({ where: { OR: [{ sourceId: duplicate.id }, { viaSourceId: duplicate.id }] } }),
    ).toBe(0);
    expect((await getPublicSource(duplicate.slug))!.mergedInto).toBe(survivor.slug);
    const [item] = (await getTimelinePage(negotiation.slug, "newest", 1)).items;
    expect(item!.citations[0]!.source.slug).toBe(survivor.slug);
    expect(await getPublishedNegotiation(negotiation.slug)).not.toBeNull();

    const archived = await createSource(db(), { status: "ARCHIVED" });
    const another = await createSource(db());
    expect(
      await asUser(admin, () =>
        mergeSourcesAction(null, { sourceId: another.id, version: 1, intoSourceId: archived.id }),
      ),
    ).toMatchObject({ ok: false, errors: { intoSourceId: [expect.stringContaining("active source")] } });
  });

  it("answers versions beyond the integer column's range with a field error, not a database error", async () => {
    const source = await createSource(db());
    for (const version of [2147483648, "2147483648", 1e20, -1, 1.5]) {
      for (const action of [updateSourceAction, mergeSourcesAction] as Array<ServerAction<unknown>>) {
        const result = await asUser(admin, () =>
          action(null, { ...input, sourceId: source.id, version, intoSourceId: source.id }),
        );
        expect(result, `${action.name} ${version}`).toMatchObject({ ok: false, code: "INVALID" });
        expect(result.ok === false && result.errors?.version, String(version)).toBeTruthy();
      }
    }
    expect((await db().source.findUniqueOrThrow({ where: { id: source.id } })).version).toBe(1);
  });

  it("refuses to merge a reviewed source into one still proposed, which would publish it unreviewed", async () => {
    const proposed = await createSource(db(), { status: "PROPOSED" });
    const reviewed = await createSource(db());
    const negotiation = await citeIn(reviewed.id);
    expect(
      await asUser(admin, () =>
        mergeSourcesAction(null, { sourceId: reviewed.id, version: 1, intoSourceId: proposed.id }),
      ),
    ).toMatchObject({ ok: false, errors: { intoSourceId: [expect.stringContaining("still proposed")] } });
    expect(await getPublicSource(proposed.slug)).toBeNull();
    const [item] = (await getTimelinePage(negotiation.slug, "newest", 1)).items;
    expect(item!.citations[0]!.source.slug).toBe(reviewed.slug);
    expect(await db().source.findUniqueOrThrow({ where: { id: reviewed.id } })).toMatchObject({
      status: "ACTIVE",
      mergedIntoId: null,
    });
  });

  it("keeps citation totals when two merges race for the same duplicate", async () => {
    await runSeed(db(), { includeDevelopmentStaff: false });
    const a = await createSource(db());
    const b = await createSource(db());
    const duplicate = await createSource(db());
    await citeIn(duplicate.id);
    const results = await Promise.all([
      asUser(admin, () => mergeSourcesAction(null, { sourceId: duplicate.id, version: 1, intoSourceId: a.id })),
      asUser(admin, () => mergeSourcesAction(null, { sourceId: duplicate.id, version: 1, intoSourceId: b.id })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db().citation.count({ where: { OR: [{ sourceId: a.id }, { sourceId: b.id }] } })).toBe(1);
  });
});
