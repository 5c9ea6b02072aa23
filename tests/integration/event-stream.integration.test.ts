// GET /api/v1/negotiations/<slug>/events on a real database: 404 for drafts and unknown slugs,
// a change event with an id after a staff write, Last-Event-ID resume, heartbeats, the
// per-instance cap (503 with Retry-After), and a clean end when the feed closes (shutdown).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/negotiations/[slug]/events/route";
import { createDevelopmentAction } from "@/lib/actions/developments";
import { db } from "@/lib/db/client";
import { ChangeFeed, changeFeed } from "@/lib/server/change-feed";
import { negotiationEventStream, openEventStreams } from "@/lib/server/event-stream";
import { createNegotiation, createSource } from "@/seeds/factories";
import { asUser, type TestUser } from "../support/request-context";
import { createStaff } from "../support/staff";

let journalist: TestUser;
let feed: ChangeFeed;
let sourceId: string;

beforeAll(async () => {
  feed = changeFeed(process.env.DATABASE_URL!);
  await feed.ready;
  journalist = await createStaff("JOURNALIST");
  sourceId = (await createSource(db(), { name: "Agence France-Presse", kind: "WIRE_AGENCY", reliability: "B" })).id;
});

afterAll(async () => {
  await feed.close();
});

const request = (slug: string, headers: Record<string, string> = {}, signal?: AbortSignal) =>
  GET(new Request(`http://parley.test/api/v1/negotiations/${slug}/events`, { headers, signal }), {
    params: Promise.resolve({ slug }),
  });

/** Reads the stream until `pattern` matches what arrived so far. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, pattern: RegExp): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  while (!pattern.test(text)) {
    const chunk = await reader.read();
    if (chunk.done) throw new Error(`stream ended before ${pattern}: ${text}`);
    text += decoder.decode(chunk.value);
  }
  return text;
}

/** A staff write on this negotiation (every audited write is announced). */
async function logDevelopment(negotiationId: string) {
  const result = await asUser(journalist, () =>
    createDevelopmentAction(null, {
      negotiationId,
      occurredOn: "2026-02-24",
      title: "Talks reported",
      summary: "Talks on an exchange.",
      kind: "TALKS",
      citations: [{ sourceId, attribution: "AFP", excerpt: "", url: "", publishedOn: "2026-02-24" }],
    }),
  );
  expect(result).toMatchObject({ ok: true });
}

describe("negotiation event stream", () => {
  it("answers 404 for an unknown or unpublished slug", async () => {
    expect((await request("no-such-negotiation")).status).toBe(404);
    const { negotiation } = await createNegotiation(db(), { publication: "DRAFT" });
    expect((await request(negotiation.slug)).status).toBe(404);
    expect(openEventStreams()).toBe(0);
  });

  it("sends a change event with an id after a staff write, and resumes from Last-Event-ID", async () => {
    const { negotiation } = await createNegotiation(db());
    const aborted = new AbortController();
    const response = await request(negotiation.slug, {}, aborted.signal);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
    const reader = response.body!.getReader();
    await logDevelopment(negotiation.id);
    const first = await readUntil(reader, /event: change\ndata: [^\n]+\n\n/);
    const id = /id: (\d+)\nevent: change\ndata: (.+)\n/.exec(first)!;
    expect(JSON.parse(id[2]!)).toEqual({ negotiationId: negotiation.id });
    aborted.abort();
    expect(openEventStreams()).toBe(0);

    // Reconnecting after a missed change: it is replayed at once.
    await logDevelopment(negotiation.id);
    const resumed = await request(negotiation.slug, { "last-event-id": id[1]! });
    const resumedReader = resumed.body!.getReader();
    const replay = await readUntil(resumedReader, /event: change\n/);
    expect(Number(/id: (\d+)\nevent: change/.exec(replay)![1])).toBeGreaterThan(Number(id[1]));
    await resumedReader.cancel();
    expect(openEventStreams()).toBe(0);
  });

  it("refuses streams over PARLEY_EVENT_STREAMS_MAX with 503 and Retry-After", async () => {
    const { negotiation } = await createNegotiation(db());
    process.env.PARLEY_EVENT_STREAMS_MAX = "1";
    try {
      const open = await request(negotiation.slug);
      expect(open.status).toBe(200);
      const refused = await request(negotiation.slug);
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("30");
      expect(await refused.json()).toMatchObject({ error: { code: "too_many_streams" } });
      await open.body!.cancel();
      expect((await request(negotiation.slug)).status).toBe(200);
    } finally {
      delete process.env.PARLEY_EVENT_STREAMS_MAX;
    }
  });

  it("sends heartbeats, and ends cleanly when the feed closes at shutdown", async () => {
    const { negotiation } = await createNegotiation(db());
    const own = new ChangeFeed({ connectionString: process.env.DATABASE_URL! }).start();
    await own.ready;
    const body = negotiationEventStream({
      feed: own,
      negotiationId: negotiation.id,
      lastEventId: null,
      signal: new AbortController().signal,
      heartbeatMs: 20,
    });
    const reader = body.getReader();
    await readUntil(reader, /: heartbeat\n\n/);
    await own.close();
    let chunk = await reader.read();
    while (!chunk.done) chunk = await reader.read();
    expect(chunk.done).toBe(true);
  });
});
