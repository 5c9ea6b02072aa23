import { beforeAll, describe, expect, it } from "vitest";
import {
  createDevelopmentAction,
  restoreDevelopmentRevisionAction,
  setDevelopmentArchivedAction,
  setDevelopmentPublicationAction,
  updateDevelopmentAction,
} from "@/lib/actions/developments";
import { listDevelopmentRevisions } from "@/lib/data/editor/revisions";
import { getPublishedNegotiation } from "@/lib/data/reader/negotiation";
import { getTimelinePage } from "@/lib/data/reader/timeline";
import { db } from "@/lib/db/client";
import { createActor, createNegotiation, createSource } from "@/seeds/factories";
import { asUser, type TestUser } from "../support/request-context";
import { createStaff } from "../support/staff";

let journalist: TestUser;
let colleague: TestUser;
let afp: { id: string };
let anonymous: { id: string };

beforeAll(async () => {
  journalist = await createStaff("JOURNALIST");
  colleague = await createStaff("JOURNALIST");
  afp = await createSource(db(), { name: "Agence France-Presse", kind: "WIRE_AGENCY", reliability: "B" });
  anonymous = await createSource(db(), { name: "Druze source", kind: "ANONYMOUS", reliability: "F" });
});

const as = <T>(user: TestUser, fn: () => Promise<T>) => asUser(user, fn);

function developmentInput(negotiationId: string, overrides: Record<string, unknown> = {}) {
  return {
    negotiationId,
    occurredOn: "2026-02-24",
    title: "US-mediated talks reported",
    summary: "Talks on a 61-for-30 exchange.",
    kind: "TALKS",
    citations: [
      {
        sourceId: anonymous.id,
        viaSourceId: afp.id,
        attribution: "a Druze source who requested anonymity",
        excerpt: "",
        url: "",
        publishedOn: "2026-02-24",
      },
    ],
    ...overrides,
  };
}

async function logDevelopment(overrides: Record<string, unknown> = {}) {
  const { negotiation } = await createNegotiation(db());
  const result = await as(journalist, () => createDevelopmentAction(null, developmentInput(negotiation.id, overrides)));
  expect(result).toMatchObject({ ok: true });
  return { negotiation, id: (result as { data: { id: string } }).data.id };
}

async function versionOf(id: string) {
  return (await db().development.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

describe("logging a development", () => {
  it("saves a draft with its citations and an audit revision, invisible to readers", async () => {
    const { negotiation, id } = await logDevelopment();
    const saved = await db().development.findUniqueOrThrow({ where: { id }, include: { citations: true } });
    expect(saved).toMatchObject({ publication: "DRAFT", occurredPrecision: "DAY", createdById: journalist.id });
    expect(saved.citations).toMatchObject([{ sourceId: anonymous.id, viaSourceId: afp.id }]);
    expect(
      await db().auditEntry.count({ where: { entityType: "Development", entityId: id, action: "development.create" } }),
    ).toBe(1);
    expect((await getTimelinePage(negotiation.slug, "newest", 1)).items).toHaveLength(0);
  });

  it("proposes a new source inline for admins to review", async () => {
    const { negotiation } = await createNegotiation(db());
    const result = await as(journalist, () =>
      createDevelopmentAction(
        null,
        developmentInput(negotiation.id, {
          citations: [
            {
              newSource: { name: "Suwayda 24", kind: "OUTLET", url: "https://suwayda24.example" },
              attribution: "Suwayda 24",
            },
          ],
        }),
      ),
    );
    expect(result).toMatchObject({ ok: true });
    const proposed = await db().source.findFirstOrThrow({ where: { name: "Suwayda 24" } });
    expect(proposed.status).toBe("PROPOSED");
    expect(
      await db().auditEntry.count({ where: { entityType: "Source", entityId: proposed.id, action: "source.propose" } }),
    ).toBe(1);
  });

  it("answers bad input field by field, keeping what was typed", async () => {
    const { negotiation } = await createNegotiation(db());
    const result = await as(journalist, () =>
      createDevelopmentAction(null, {
        negotiationId: negotiation.id,
        occurredOn: "2099-01-01",
        title: "",
        summary: "<script>alert(1)</script>",
        kind: "RUMOUR",
        citations: [{ attribution: "", url: "javascript:alert(1)" }],
      }),
    );
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    const errors = (result as { errors: Record<string, string[]> }).errors;
    expect(errors.occurredOn).toEqual(["This date is in the future; developments record what has already happened."]);
    expect(errors.title).toEqual(["This field is required."]);
    expect(errors.kind).toEqual(["Choose what kind of development this is."]);
    expect(errors["citations.0.url"]).toEqual(["Enter a full web address starting with http:// or https://."]);
    expect(errors["citations.0.sourceId"]).toEqual(["Pick a source, or propose a new one."]);
    expect(errors.summary).toBeUndefined();
    for (const date of ["2025-02-30", "2025-13", "yesterday"]) {
      const bad = await as(journalist, () =>
        createDevelopmentAction(null, developmentInput(negotiation.id, { occurredOn: date })),
      );
      expect((bad as { errors: Record<string, string[]> }).errors.occurredOn, date).toEqual([
        "Enter a real date as YYYY-MM-DD, YYYY-MM or YYYY.",
      ]);
    }
  });

  it("stores markup as plain text", async () => {
    const { id } = await logDevelopment({ summary: "<img src=x onerror=alert(1)> & more" });
    expect((await db().development.findUniqueOrThrow({ where: { id } })).summary).toBe(
      "<img src=x onerror=alert(1)> & more",
    );
  });
});

describe("publishing", () => {
  it("refuses a development without citations", async () => {
    const { id } = await logDevelopment({ citations: [] });
    const result = await as(journalist, async () =>
      setDevelopmentPublicationAction(null, { developmentId: id, version: await versionOf(id), publish: true }),
    );
    expect(result).toMatchObject({
      ok: false,
      errors: { citations: ["Add at least one citation before publishing: readers must see how we know."] },
    });
  });

  it("publishes a single-anonymous-source development only with confirmation, marked for readers", async () => {
    const { negotiation, id } = await logDevelopment();
    const unconfirmed = await as(journalist, async () =>
      setDevelopmentPublicationAction(null, { developmentId: id, version: await versionOf(id), publish: true }),
    );
    expect(unconfirmed).toMatchObject({
      ok: false,
      errors: { confirmSingleAnonymous: [expect.stringContaining("single anonymous source")] },
    });

    const context = await as(journalist, async () => {
      await setDevelopmentPublicationAction(null, {
        developmentId: id,
        version: await versionOf(id),
        publish: true,
        confirmSingleAnonymous: true,
      });
      return (await import("../support/request-context")).currentRequest();
    });
    expect(context.revalidated).toEqual(
      expect.arrayContaining([`tag:negotiation:${negotiation.slug}`, "tag:negotiations"]),
    );
    const [reader] = (await getTimelinePage(negotiation.slug, "newest", 1)).items;
    expect(reader).toMatchObject({ title: "US-mediated talks reported", singleAnonymousSource: true });

    const unpublished = await as(journalist, async () =>
      setDevelopmentPublicationAction(null, { developmentId: id, version: await versionOf(id), publish: false }),
    );
    expect(unpublished).toMatchObject({ ok: true });
    expect((await getTimelinePage(negotiation.slug, "newest", 1)).items).toHaveLength(0);
  });

  it("applies a stage change and counts released people only once the development is published", async () => {
    const { negotiation } = await createNegotiation(db(), { terms: { a: 61, b: 30 } });
    const item = await db().obligation.findFirstOrThrow({
      where: { negotiationId: negotiation.id, category: "CIVILIANS" },
    });
    const created = await as(journalist, () =>
      createDevelopmentAction(
        null,
        developmentInput(negotiation.id, {
          kind: "RELEASE",
          stageChange: "IMPLEMENTATION",
          transfers: [{ obligationId: item.id, quantity: { kind: "EXACT", value: "12" } }],
          citations: [{ sourceId: afp.id, attribution: "AFP" }],
        }),
      ),
    );
    const id = (created as { data: { id: string } }).data.id;
    expect((await getPublishedNegotiation(negotiation.slug))!).toMatchObject({ stage: "TALKS" });
    await as(journalist, async () =>
      setDevelopmentPublicationAction(null, { developmentId: id, version: await versionOf(id), publish: true }),
    );
    const view = (await getPublishedNegotiation(negotiation.slug))!;
    expect(view.stage).toBe("IMPLEMENTATION");
    expect(view.phases[0]!.current!.obligations.find((o) => o.id === item.id)!.progressText).toBe("12 of 61");
    expect(view.stageHistory.map((s) => s.stage)).toContain("IMPLEMENTATION");
  });
});

describe("editing, corrections and conflicts", () => {
  async function published() {
    const logged = await logDevelopment({ citations: [{ sourceId: afp.id, attribution: "AFP" }] });
    await as(journalist, async () =>
      setDevelopmentPublicationAction(null, {
        developmentId: logged.id,
        version: await versionOf(logged.id),
        publish: true,
      }),
    );
    return logged;
  }

  it("requires a public correction note to change the facts of a published development", async () => {
    const { negotiation, id } = await published();
    const base = {
      ...developmentInput(negotiation.id, { citations: [{ sourceId: afp.id, attribution: "AFP" }] }),
      developmentId: id,
    };
    const edit = async (changes: Record<string, unknown>) =>
      as(journalist, async () => updateDevelopmentAction(null, { ...base, version: await versionOf(id), ...changes }));

    expect(await edit({ summary: "Talks on a 61-for-31 exchange." })).toMatchObject({
      ok: false,
      errors: { correctionNote: [expect.stringContaining("public correction note")] },
    });
    expect(await edit({ summary: "Talks on a 61-for-30 exchange (typo).", typoOnly: true })).toMatchObject({
      ok: true,
      data: { corrected: false },
    });
    expect(
      await edit({
        summary: "Talks on a 61-for-31 exchange.",
        correctionNote: "The number of personnel was misreported.",
      }),
    ).toMatchObject({ ok: true, data: { corrected: true } });

    const [reader] = (await getTimelinePage(negotiation.slug, "newest", 1)).items;
    expect(reader!.summary).toBe("Talks on a 61-for-31 exchange.");
    expect(reader!.corrections.map((c) => c.note)).toEqual(["The number of personnel was misreported."]);
  });

  it("refuses the second of two concurrent edits and says who changed what", async () => {
    const { negotiation, id } = await logDevelopment();
    const version = await versionOf(id);
    const base = { ...developmentInput(negotiation.id), developmentId: id, version };
    expect(
      await as(journalist, () => updateDevelopmentAction(null, { ...base, title: "First editor's title" })),
    ).toMatchObject({ ok: true });
    const second = await as(colleague, () =>
      updateDevelopmentAction(null, { ...base, summary: "Second editor's summary" }),
    );
    expect(second).toMatchObject({ ok: false, code: "CONFLICT", values: { summary: "Second editor's summary" } });
    expect((second as { message: string }).message).toMatch(
      /saved this at .* while you were editing \(changed: title\)/,
    );
    expect((await db().development.findUniqueOrThrow({ where: { id } })).title).toBe("First editor's title");

    const racing = await Promise.all([
      as(journalist, () => updateDevelopmentAction(null, { ...base, version: version + 1, title: "A" })),
      as(colleague, () => updateDevelopmentAction(null, { ...base, version: version + 1, title: "B" })),
    ]);
    expect(racing.filter((r) => r.ok)).toHaveLength(1);
    expect(racing.filter((r) => !r.ok && r.code === "CONFLICT")).toHaveLength(1);
  });

  it("keeps every revision, shows the difference and restores an earlier one", async () => {
    const { negotiation, id } = await logDevelopment();
    const base = { ...developmentInput(negotiation.id), developmentId: id };
    await as(journalist, async () =>
      updateDevelopmentAction(null, { ...base, version: await versionOf(id), title: "Renamed" }),
    );
    const revisions = await as(journalist, () => listDevelopmentRevisions(id));
    expect(revisions.map((r) => r.action)).toEqual(["development.update", "development.create"]);
    expect(revisions[0]!.changes).toEqual([{ field: "title", before: "US-mediated talks reported", after: "Renamed" }]);

    const restored = await as(journalist, async () =>
      restoreDevelopmentRevisionAction(null, {
        developmentId: id,
        version: await versionOf(id),
        revisionId: revisions[1]!.id,
      }),
    );
    expect(restored).toMatchObject({ ok: true });
    expect((await db().development.findUniqueOrThrow({ where: { id } })).title).toBe("US-mediated talks reported");
    expect(await as(journalist, () => listDevelopmentRevisions(id))).toHaveLength(3);
  });

  it("words the history as the form does: actor names, not ids", async () => {
    const { negotiation, id } = await logDevelopment();
    const base = { ...developmentInput(negotiation.id), developmentId: id };
    const mediator = await createActor(db(), { name: "Mediating State" });
    await as(journalist, async () =>
      updateDevelopmentAction(null, { ...base, version: await versionOf(id), actorIds: [mediator.id] }),
    );
    const [latest] = await as(journalist, () => listDevelopmentRevisions(id));
    expect(latest!.changes).toEqual([{ field: "actorIds", before: "—", after: "Mediating State" }]);
  });

  it("archives instead of deleting, and restores", async () => {
    const { negotiation, id } = await published();
    expect(
      await as(journalist, async () =>
        setDevelopmentArchivedAction(null, { developmentId: id, version: await versionOf(id), archived: true }),
      ),
    ).toMatchObject({ ok: true });
    expect((await getTimelinePage(negotiation.slug, "newest", 1)).items).toHaveLength(0);
    expect(await db().development.count({ where: { id } })).toBe(1);
    expect(
      await as(journalist, async () =>
        setDevelopmentArchivedAction(null, { developmentId: id, version: await versionOf(id), archived: false }),
      ),
    ).toMatchObject({ ok: true });
    expect((await db().development.findUniqueOrThrow({ where: { id } })).archivedAt).toBeNull();
  });
});

describe("what readers may see", () => {
  it("will not publish a development citing a source no admin has reviewed", async () => {
    const proposed = await createSource(db(), { name: "Unreviewed outlet", status: "PROPOSED" });
    const { id } = await logDevelopment({ citations: [{ sourceId: proposed.id, attribution: "Unreviewed outlet" }] });
    const result = await as(journalist, async () =>
      setDevelopmentPublicationAction(null, { developmentId: id, version: await versionOf(id), publish: true }),
    );
    expect(result).toMatchObject({
      ok: false,
      errors: { citations: [expect.stringContaining("has not reviewed yet")] },
    });
  });

  it("moves the public stage back when the development that moved it is unpublished or archived", async () => {
    const { negotiation } = await createNegotiation(db());
    const created = await as(journalist, () =>
      createDevelopmentAction(
        null,
        developmentInput(negotiation.id, {
          stageChange: "AGREEMENT",
          citations: [{ sourceId: afp.id, attribution: "AFP" }],
        }),
      ),
    );
    const id = (created as { data: { id: string } }).data.id;
    await db().stageChange.create({
      data: { negotiationId: negotiation.id, stage: "TALKS", effectiveOn: new Date("2026-01-01T00:00:00Z") },
    });
    await as(journalist, async () =>
      setDevelopmentPublicationAction(null, { developmentId: id, version: await versionOf(id), publish: true }),
    );
    expect((await getPublishedNegotiation(negotiation.slug))!.stage).toBe("AGREEMENT");
    await as(journalist, async () =>
      setDevelopmentPublicationAction(null, { developmentId: id, version: await versionOf(id), publish: false }),
    );
    expect((await getPublishedNegotiation(negotiation.slug))!.stage).toBe("TALKS");
  });

  it("keeps a published development publishable when it is edited", async () => {
    const { negotiation, id } = await logDevelopment({ citations: [{ sourceId: afp.id, attribution: "AFP" }] });
    await as(journalist, async () =>
      setDevelopmentPublicationAction(null, { developmentId: id, version: await versionOf(id), publish: true }),
    );
    const base = { ...developmentInput(negotiation.id), developmentId: id, correctionNote: "Sourcing updated." };
    expect(
      await as(journalist, async () =>
        updateDevelopmentAction(null, { ...base, version: await versionOf(id), citations: [] }),
      ),
    ).toMatchObject({ ok: false, errors: { citations: [expect.stringContaining("at least one citation")] } });
    expect(
      await as(journalist, async () => updateDevelopmentAction(null, { ...base, version: await versionOf(id) })),
    ).toMatchObject({ ok: true });
    expect((await db().development.findUniqueOrThrow({ where: { id } })).singleAnonymousSource).toBe(true);
  });

  it("answers a malformed revision id with a field error", async () => {
    const { id } = await logDevelopment();
    for (const revisionId of ["", "abc", "99999999999999999999999"]) {
      expect(
        await as(journalist, async () =>
          restoreDevelopmentRevisionAction(null, { developmentId: id, version: await versionOf(id), revisionId }),
        ),
      ).toMatchObject({ ok: false, code: "INVALID" });
    }
  });
});

describe("a source's track record", () => {
  it("marks a cited claim corroborated without a public correction, and counts it for the source", async () => {
    const { getSourceForStaff } = await import("@/lib/data/admin/sources");
    const source = await createSource(db(), { name: "Track record source", kind: "OUTLET" });
    const { negotiation, id } = await logDevelopment({
      citations: [{ sourceId: source.id, attribution: "the outlet" }],
    });
    await as(journalist, async () =>
      setDevelopmentPublicationAction(null, { developmentId: id, version: await versionOf(id), publish: true }),
    );
    const marked = await as(journalist, async () =>
      updateDevelopmentAction(null, {
        ...developmentInput(negotiation.id),
        developmentId: id,
        version: await versionOf(id),
        citations: [{ sourceId: source.id, attribution: "the outlet", assessment: "CORROBORATED" }],
      }),
    );
    expect(marked).toMatchObject({ ok: true, data: { corrected: false } });
    const staffView = await as(journalist, () => getSourceForStaff(source.id));
    expect(staffView.trackRecord).toEqual({ corroborated: 1, contradicted: 0, unassessed: 0 });
  });
});
