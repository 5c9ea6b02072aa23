import { beforeAll, describe, expect, it } from "vitest";
import {
  createDevelopmentAction,
  setDevelopmentPublicationAction,
  updateDevelopmentAction,
} from "@/lib/actions/developments";
import { listDevelopmentRevisions } from "@/lib/data/editor/revisions";
import { getKeyEvents } from "@/lib/data/reader/key-events";
import { getTimelinePage } from "@/lib/data/reader/timeline";
import { db } from "@/lib/db/client";
import { createNegotiation, createSource } from "@/seeds/factories";
import { asUser, type TestUser } from "../support/request-context";
import { createStaff } from "../support/staff";

// Key events (editors mark, readers see first) and structured places (name, country, coordinates).

let journalist: TestUser;
let afp: { id: string };

beforeAll(async () => {
  journalist = await createStaff("JOURNALIST");
  afp = await createSource(db(), { name: "Agence France-Presse", kind: "WIRE_AGENCY", reliability: "B" });
});

const input = (negotiationId: string, overrides: Record<string, unknown> = {}) => ({
  negotiationId,
  occurredOn: "2026-02-24",
  title: "Talks held",
  summary: "Both delegations met.",
  kind: "TALKS",
  citations: [{ sourceId: afp.id, attribution: "AFP" }],
  ...overrides,
});

const versionOf = async (id: string) =>
  (await db().development.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

async function publishedDevelopment(negotiationId: string, overrides: Record<string, unknown> = {}) {
  return asUser(journalist, async () => {
    const created = await createDevelopmentAction(null, input(negotiationId, overrides));
    expect(created).toMatchObject({ ok: true });
    const id = (created as { data: { id: string } }).data.id;
    expect(
      await setDevelopmentPublicationAction(null, { developmentId: id, version: await versionOf(id), publish: true }),
    ).toMatchObject({ ok: true });
    return id;
  });
}

describe("key events", () => {
  it("lists marked developments oldest first with the timeline page that holds each", async () => {
    const { negotiation } = await createNegotiation(db());
    const early = await publishedDevelopment(negotiation.id, { occurredOn: "2025-07-01", keyEvent: true });
    // 20 newer entries push the early key event onto page 2 of the newest-first timeline.
    for (let day = 1; day <= 20; day++)
      await publishedDevelopment(negotiation.id, { occurredOn: `2026-01-${String(day).padStart(2, "0")}` });
    const late = await publishedDevelopment(negotiation.id, { occurredOn: "2026-02-24", keyEvent: true });
    await publishedDevelopment(negotiation.id, { occurredOn: "2026-02-25", keyEvent: false });

    expect(await getKeyEvents(negotiation.slug)).toEqual([
      expect.objectContaining({ id: early, timelinePage: 2, occurredPrecision: "DAY" }),
      expect.objectContaining({ id: late, timelinePage: 1 }),
    ]);
    const page = await getTimelinePage(negotiation.slug, "newest", 1);
    expect(page.items.find((d) => d.id === late)).toMatchObject({ key: true });
  });

  it("is emphasis, not a fact: marking a published development needs no correction and is worded in history", async () => {
    const { negotiation } = await createNegotiation(db());
    const id = await publishedDevelopment(negotiation.id);
    const marked = await asUser(journalist, async () =>
      updateDevelopmentAction(null, {
        ...input(negotiation.id),
        developmentId: id,
        version: await versionOf(id),
        keyEvent: "on",
      }),
    );
    expect(marked).toMatchObject({ ok: true, data: { corrected: false } });
    expect((await getKeyEvents(negotiation.slug)).map((e) => e.id)).toEqual([id]);
    const [latest] = await asUser(journalist, () => listDevelopmentRevisions(id));
    expect(latest!.changes).toContainEqual({ field: "keyEvent", before: "Not a key event", after: "Key event" });
    expect(await db().correction.count({ where: { developmentId: id } })).toBe(0);
  });
});

describe("structured places", () => {
  it("stores a venue's country and coordinates and gives them to readers", async () => {
    const { negotiation } = await createNegotiation(db());
    const id = await publishedDevelopment(negotiation.id, {
      place: "Doha",
      placeCountry: "qa",
      placeLatitude: "25.2854",
      placeLongitude: "51.531",
    });
    const [reader] = (await getTimelinePage(negotiation.slug, "newest", 1)).items;
    expect(reader).toMatchObject({
      id,
      place: { name: "Doha", country: "QA", latitude: 25.2854, longitude: 51.531 },
    });
  });

  it("refuses an unknown country, out-of-range or lone coordinates, field by field", async () => {
    const { negotiation } = await createNegotiation(db());
    const result = await asUser(journalist, () =>
      createDevelopmentAction(
        null,
        input(negotiation.id, { place: "Nowhere", placeCountry: "XX", placeLatitude: "91", placeLongitude: "" }),
      ),
    );
    expect(result).toMatchObject({
      ok: false,
      errors: {
        placeCountry: ["Choose a country from the list."],
        placeLatitude: ["The latitude lies between −90 and 90."],
      },
    });
    const lone = await asUser(journalist, () =>
      createDevelopmentAction(null, input(negotiation.id, { place: "Amman", placeLatitude: "31.95" })),
    );
    expect(lone).toMatchObject({
      ok: false,
      errors: { placeLongitude: ["Give both latitude and longitude, or neither."] },
    });
  });

  it("keeps the database from storing half a coordinate pair or a malformed country", async () => {
    const { negotiation } = await createNegotiation(db());
    const id = await publishedDevelopment(negotiation.id);
    await expect(
      db().$executeRaw`UPDATE "Development" SET "placeLatitude" = 10 WHERE id = ${id}::uuid`,
    ).rejects.toThrow(/Development_placeCoordinates_valid/);
    await expect(
      db().$executeRaw`UPDATE "Development" SET "placeCountry" = 'sy' WHERE id = ${id}::uuid`,
    ).rejects.toThrow(/Development_placeCountry_format/);
  });
});
