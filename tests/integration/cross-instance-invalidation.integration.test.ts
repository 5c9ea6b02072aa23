// Two app-like instances (each its own change feed on a dedicated connection, its own page
// cache) on one real database: a staff write on either reaches both within a second, a
// rolled-back write reaches neither, and a listener whose connection dies listens again.
import { createRequire } from "node:module";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDevelopmentAction } from "@/lib/actions/developments";
import { writeAudit } from "@/lib/data/audit";
import { db } from "@/lib/db/client";
import { ChangeFeed, type Change } from "@/lib/server/change-feed";
import { lastChangeAt } from "@/lib/server/change-clock";
import { invalidateOnChange } from "@/lib/server/cross-instance-invalidation";
import { PageCache, renderRequest, toCachedPage } from "@/lib/server/page-cache";
import { READER_DATA_TAG } from "@/lib/server/reader-data-tag";
import { createNegotiation, createSource } from "@/seeds/factories";
import { asUser, type TestUser } from "../support/request-context";
import { createStaff } from "../support/staff";

type Instance = { feed: ChangeFeed; cache: PageCache };
let instances: Instance[];
let journalist: TestUser;
let sourceId: string;

beforeAll(async () => {
  instances = [0, 1].map(() => {
    const feed = new ChangeFeed({
      connectionString: process.env.DATABASE_URL!,
      backoff: { initialMs: 50, maxMs: 200 },
    }).start();
    const cache = new PageCache({ ttlMs: 60_000 });
    invalidateOnChange(feed, cache);
    return { feed, cache };
  });
  await Promise.all(instances.map(({ feed }) => feed.ready));
  journalist = await createStaff("JOURNALIST");
  sourceId = (await createSource(db(), { name: "Agence France-Presse", kind: "WIRE_AGENCY", reliability: "B" })).id;
});

afterAll(async () => {
  await Promise.all(instances.map(({ feed }) => feed.close()));
});

/** The next change on `feed` that `matches` (subscribed before the write, so none is missed). */
function nextChange(feed: ChangeFeed, matches: (change: Change) => boolean): Promise<Change> {
  return new Promise((resolve) => {
    const stop = feed.subscribe((change) => {
      if (!matches(change)) return;
      stop();
      resolve(change);
    });
  });
}

/** `changes`, failing unless they all arrive within `ms` from now (the write has committed). */
function within<T>(ms: number, changes: Promise<T>[]): Promise<T[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not every instance got the change within ${ms} ms`)), ms);
  });
  return Promise.race([Promise.all(changes), late]).finally(() => clearTimeout(timer));
}

async function fillCache(cache: PageCache): Promise<void> {
  const request = renderRequest("/", { host: "parley.test" });
  const headers = new Headers({ "cache-control": "public, s-maxage=60", "content-type": "text/html" });
  await cache.fill("/", async () => toCachedPage(request, 200, headers, Buffer.from("<p>old</p>")));
  expect(cache.size).toBe(1);
}

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

describe("freshness across instances", () => {
  it("a staff write on one instance empties both instances' page caches and expires reader data within 1 s", async () => {
    const { negotiation } = await createNegotiation(db());
    await Promise.all(instances.map(({ cache }) => fillCache(cache)));
    const writtenAt = Date.now();
    const received = instances.map(({ feed }) => nextChange(feed, (c) => c.negotiationId === negotiation.id));
    await logDevelopment(negotiation.id);
    const changes = await within(1_000, received);
    expect(changes[0]!.id).toBe(changes[1]!.id);
    for (const { cache } of instances) expect(cache.size).toBe(0);
    const manifest = createRequire(import.meta.url)("next/dist/server/lib/incremental-cache/tags-manifest.external.js")
      .tagsManifest as Map<string, { expired?: number }>;
    expect(manifest.get(READER_DATA_TAG)?.expired).toBeGreaterThanOrEqual(writtenAt);
    // What lets a reader query that began before the change and finished after it be caught
    // (lib/data/reader/cache.ts): the process knows when it last learned of a change.
    expect(lastChangeAt()).toBeGreaterThanOrEqual(writtenAt);
  });

  it("a rolled-back write notifies nobody; the next committed one arrives first", async () => {
    const [rolledBack, committed] = await Promise.all([createNegotiation(db()), createNegotiation(db())]);
    const firsts = instances.map(
      ({ feed }) =>
        new Promise<Change>((resolve) => {
          const stop = feed.subscribe((change) => {
            stop();
            resolve(change);
          });
        }),
    );
    await expect(
      db().$transaction(async (tx) => {
        await writeAudit(tx, {
          userId: null,
          action: "webhook.endpoint.rotate-secret",
          entityType: "WebhookEndpoint",
          entityId: rolledBack.negotiation.id,
          negotiationId: rolledBack.negotiation.id,
        });
        throw new Error("refused after the audit row");
      }),
    ).rejects.toThrow("refused after the audit row");
    await logDevelopment(committed.negotiation.id);
    for (const change of await within(1_000, firsts)) expect(change.negotiationId).toBe(committed.negotiation.id);
  });

  it("a listener whose connection is killed listens again, reports a resync, then gets new changes", async () => {
    const { negotiation } = await createNegotiation(db());
    const resyncs = instances.map(({ feed }) => nextChange(feed, (c) => c.resync === true));
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'parley-change-feed' AND datname = current_database()",
      );
      expect(rowCount).toBe(2);
    } finally {
      await admin.end();
    }
    await within(10_000, resyncs);
    const received = instances.map(({ feed }) => nextChange(feed, (c) => c.negotiationId === negotiation.id));
    await logDevelopment(negotiation.id);
    await within(1_000, received);
  });

  it("resumes from an event id: later changes for that negotiation, or null when it cannot tell", async () => {
    const { negotiation } = await createNegotiation(db());
    const feed = instances[0]!.feed;
    const first = nextChange(feed, (c) => c.negotiationId === negotiation.id);
    await logDevelopment(negotiation.id);
    const seen = await first;
    const second = nextChange(feed, (c) => c.negotiationId === negotiation.id);
    await logDevelopment(negotiation.id);
    const missed = await second;
    expect(feed.since(seen.id, negotiation.id)?.map((c) => c.id)).toEqual([missed.id]);
    expect(feed.since("1", negotiation.id)).toBeNull();
    expect(feed.since("not-a-number", negotiation.id)).toBeNull();
  });
});
