import { beforeAll, describe, expect, it } from "vitest";
import {
  addFigureClaimAction,
  addParticipantAction,
  createNegotiationAction,
  setParticipantArchivedAction,
  setNegotiationArchivedAction,
  setNegotiationPublicationAction,
  updateNegotiationAction,
} from "@/lib/actions/negotiations";
import { getPublicActor } from "@/lib/data/reader/entities";
import { getPublishedNegotiation } from "@/lib/data/reader/negotiation";
import { db } from "@/lib/db/client";
import { createSource } from "@/seeds/factories";
import { asUser, type TestUser } from "../support/request-context";
import { createStaff } from "../support/staff";

let journalist: TestUser;
let sohr: { id: string };
beforeAll(async () => {
  journalist = await createStaff("JOURNALIST");
  sohr = await createSource(db(), { name: "SOHR", kind: "MONITOR" });
});

const as = <T>(fn: () => Promise<T>) => asUser(journalist, fn);
const base = {
  title: "Gaza hostages and prisoners, phase 2",
  summary: "",
  region: "Gaza Strip",
  country: "Palestinian territories",
  stage: "TALKS",
};

async function create(overrides: Record<string, unknown> = {}) {
  const result = await as(() => createNegotiationAction(null, { ...base, ...overrides }));
  expect(result).toMatchObject({ ok: true });
  return (result as { data: { id: string } }).data.id;
}

describe("negotiations in the editor", () => {
  it("creates a draft with a generated slug and refuses a duplicate slug", async () => {
    const id = await create();
    const row = await db().negotiation.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ slug: "gaza-hostages-and-prisoners-phase-2", publication: "DRAFT" });
    expect(await as(() => createNegotiationAction(null, base))).toMatchObject({
      ok: false,
      errors: { slug: [expect.stringContaining("already uses this address")] },
    });
    expect(await as(() => createNegotiationAction(null, { ...base, slug: "Bad Slug!" }))).toMatchObject({
      ok: false,
      errors: { slug: [expect.stringContaining("lower-case")] },
    });
  });

  it("archives a negotiation out of readers' sight and restores it, versioned and audited", async () => {
    const id = await create({ slug: "archive-and-restore" });
    await as(() => setNegotiationPublicationAction(null, { negotiationId: id, version: 1, publish: true }));
    expect(
      await as(() => setNegotiationArchivedAction(null, { negotiationId: id, version: 2, archived: true })),
    ).toMatchObject({ ok: true, data: { version: 3 } });
    expect(await getPublishedNegotiation("archive-and-restore")).toBeNull();
    // A stale version is refused, not applied over the other editor's change.
    expect(
      await as(() => setNegotiationArchivedAction(null, { negotiationId: id, version: 2, archived: false })),
    ).toMatchObject({ ok: false });
    expect(
      await as(() => setNegotiationArchivedAction(null, { negotiationId: id, version: 3, archived: false })),
    ).toMatchObject({ ok: true });
    expect(await getPublishedNegotiation("archive-and-restore")).not.toBeNull();
    const audit = await db().auditEntry.findMany({
      where: { entityId: id, action: { in: ["negotiation.archive", "negotiation.restore"] } },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(audit.map((a) => a.action)).toEqual(["negotiation.archive", "negotiation.restore"]);
  });

  it("publishes, then refuses to change a published address; detects concurrent edits", async () => {
    const id = await create({ slug: "ruritania-exchange" });
    expect(
      await as(() => setNegotiationPublicationAction(null, { negotiationId: id, version: 1, publish: true })),
    ).toMatchObject({ ok: true });
    expect(await getPublishedNegotiation("ruritania-exchange")).not.toBeNull();
    expect(
      await as(() => updateNegotiationAction(null, { ...base, negotiationId: id, version: 2, slug: "new-address" })),
    ).toMatchObject({ ok: false, errors: { slug: [expect.stringContaining("cannot change")] } });
    expect(
      await as(() => updateNegotiationAction(null, { ...base, negotiationId: id, version: 2, stage: "AGREEMENT" })),
    ).toMatchObject({ ok: true });
    expect(
      await as(() => updateNegotiationAction(null, { ...base, negotiationId: id, version: 2, title: "Stale" })),
    ).toMatchObject({ ok: false, code: "CONFLICT" });
    const view = (await getPublishedNegotiation("ruritania-exchange"))!;
    expect(view.stage).toBe("AGREEMENT");
    expect(view.stageHistory.map((s) => s.stage)).toEqual(["TALKS", "AGREEMENT"]);
  });

  it("adds participants, creating an actor inline with alternate names", async () => {
    const id = await create({ slug: "inline-actor-case" });
    const added = await as(() =>
      addParticipantAction(null, {
        negotiationId: id,
        newActor: { name: "Qatar", shortName: "", kind: "GOVERNMENT", aliases: "قطر | ar\nKatar | de" },
        role: "MEDIATOR",
        side: "",
        description: "",
      }),
    );
    expect(added).toMatchObject({ ok: true });
    const actor = await db().actor.findFirstOrThrow({ where: { name: "Qatar" }, include: { aliases: true } });
    expect(actor.aliases.map((a) => [a.name, a.language]).sort()).toEqual([
      ["Katar", "de"],
      ["قطر", "ar"],
    ]);
    expect(
      await as(() => addParticipantAction(null, { negotiationId: id, actorId: actor.id, role: "MEDIATOR" })),
    ).toMatchObject({ ok: false, errors: { actorId: [expect.stringContaining("already has that role")] } });
    expect(
      await as(() =>
        addParticipantAction(null, {
          negotiationId: id,
          newActor: { name: "X", kind: "OTHER", aliases: "no language here | english" },
          role: "PARTY",
        }),
      ),
    ).toMatchObject({ ok: false, code: "INVALID" });

    await as(() => setNegotiationPublicationAction(null, { negotiationId: id, version: 1, publish: true }));
    expect((await getPublicActor(actor.slug))!.negotiations.map((n) => n.slug)).toEqual(["inline-actor-case"]);
    const participation = await db().participation.findFirstOrThrow({ where: { negotiationId: id } });
    expect(
      await as(() => setParticipantArchivedAction(null, { participationId: participation.id, archived: true })),
    ).toMatchObject({ ok: true });
    expect(await db().auditEntry.count({ where: { entityId: participation.id, action: "participation.remove" } })).toBe(
      1,
    );
    // Removed is reversible: the row stays, readers stop seeing it, and it can be restored.
    // Qatar now appears in nothing published, so its public page is gone too (issue 13, item 4).
    expect(await getPublicActor(actor.slug)).toBeNull();
    expect(
      await as(() => setParticipantArchivedAction(null, { participationId: participation.id, archived: false })),
    ).toMatchObject({ ok: true });
    expect((await getPublicActor(actor.slug))!.negotiations.map((n) => n.slug)).toEqual(["inline-actor-case"]);
    await as(() => setParticipantArchivedAction(null, { participationId: participation.id, archived: true }));
    expect(
      await as(() => addParticipantAction(null, { negotiationId: id, actorId: actor.id, role: "MEDIATOR" })),
    ).toMatchObject({ ok: true, data: { id: participation.id } });
  });

  it("records disputed figures side by side, each with a citation", async () => {
    const id = await create({ slug: "figures-case" });
    await as(() => setNegotiationPublicationAction(null, { negotiationId: id, version: 1, publish: true }));
    const first = await as(() =>
      addFigureClaimAction(null, {
        negotiationId: id,
        newFigure: { label: "Detainees", unit: "people" },
        quantity: { kind: "APPROXIMATE", qualifier: "MORE_THAN", value: "2,000", wording: "more than 2,000" },
        asOf: "2026-02",
        citations: [{ sourceId: sohr.id, attribution: "the Syrian Observatory" }],
      }),
    );
    const figureId = (first as { data: { figureId: string } }).data.figureId;
    expect(
      await as(() =>
        addFigureClaimAction(null, {
          negotiationId: id,
          figureId,
          quantity: { kind: "UNKNOWN", wording: "thousands" },
          citations: [],
        }),
      ),
    ).toMatchObject({
      ok: false,
      errors: { citations: ["A figure needs at least one citation: who says so?"] },
    });
    expect(
      await as(() =>
        addFigureClaimAction(null, {
          negotiationId: id,
          figureId,
          quantity: { kind: "RANGE", min: "30", max: "20" },
          citations: [{ sourceId: sohr.id, attribution: "x" }],
        }),
      ),
    ).toMatchObject({ ok: false, errors: { "quantity.max": [expect.any(String)] } });
    // A number and contradicting wording cannot both be saved: "about 1,900" is not an exact 1900.
    expect(
      await as(() =>
        addFigureClaimAction(null, {
          negotiationId: id,
          figureId,
          quantity: { kind: "EXACT", value: "1900", wording: "about 1,900" },
          citations: [{ sourceId: sohr.id, attribution: "x" }],
        }),
      ),
    ).toMatchObject({ ok: false, errors: { "quantity.kind": [expect.stringContaining("not exact")] } });
    await as(() =>
      addFigureClaimAction(null, {
        negotiationId: id,
        figureId,
        quantity: { kind: "UNKNOWN", wording: "thousands" },
        citations: [{ sourceId: sohr.id, attribution: "other reports" }],
      }),
    );
    const view = (await getPublishedNegotiation("figures-case"))!;
    expect(view.figures[0]!.claims.map((c) => [c.text, c.quantity.kind])).toEqual([
      ["more than 2,000", "APPROXIMATE"],
      ["thousands", "UNKNOWN"],
    ]);
  });
});
