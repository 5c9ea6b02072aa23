// The production server's public-page cache (scripts/app-server.ts), end to
// end: readers share one render but never a nonce, staff writes show at once,
// signed-in staff bypass it, and pages readers have seen keep being served
// while the database is away.
import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "@/tests/harness/stack";
import { HttpSession } from "@/tests/harness/staff-client";
import { recordCounts, seedFacts, sql, uniqueKey, write, type SeedFacts } from "./support";

const TTL_SECONDS = 2;
let stack: Stack;
let pool: pg.Pool;
let facts: SeedFacts;

beforeAll(async () => {
  stack = await startStack({ env: { PARLEY_PAGE_CACHE_SECONDS: String(TTL_SECONDS) } });
  pool = sql(stack.databaseUrl);
  // Its idle connections are cut when the last test stops the database.
  pool.on("error", () => undefined);
  facts = await seedFacts(pool);
});

afterAll(async () => {
  await pool?.end();
  await stack?.stop();
});

const nonceOf = (response: Response) =>
  /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];

describe("the public-page cache", () => {
  it("serves readers one render, each response with its own nonce in the policy and every script tag", async () => {
    const url = `${stack.baseUrl}/negotiations/${facts.slug}`;
    const answers = await Promise.all(Array.from({ length: 6 }, () => fetch(url)));
    const states = answers.map((response) => response.headers.get("x-parley-page-cache"));
    expect(states.filter((state) => state === "miss").length).toBeGreaterThanOrEqual(1);
    const nonces = answers.map(nonceOf);
    expect(new Set(nonces).size).toBe(answers.length);
    for (const [index, response] of answers.entries()) {
      const body = await response.text();
      const scriptNonces = [...body.matchAll(/<script[^>]* nonce="([^"]+)"/g)].map((match) => match[1]);
      expect(scriptNonces.length).toBeGreaterThan(0);
      expect(new Set(scriptNonces)).toEqual(new Set([nonces[index]]));
    }
    const again = await fetch(url);
    expect(again.headers.get("x-parley-page-cache")).toBe("hit");
  });

  it("shows a journalist's publish on the very next request, and never caches for signed-in staff", async () => {
    const url = `${stack.baseUrl}/negotiations/${facts.slug}`;
    await (await fetch(url)).text();
    const journalist = await new HttpSession(stack.baseUrl).signIn(stack.staff.journalist);
    const logged = await write(journalist, facts, "development", "Visible at once");
    expect(logged.outcome, logged.detail).toBe("ok");
    const { rows } = await pool.query(`SELECT id, version FROM "Development" WHERE title = $1`, [logged.key]);
    const published = await journalist.action("setDevelopmentPublicationAction", {
      developmentId: rows[0].id,
      version: rows[0].version,
      publish: true,
      confirmSingleAnonymous: true,
    });
    expect(published.result, published.body.slice(0, 300)).toMatchObject({ ok: true });

    const after = await fetch(url);
    expect(after.headers.get("x-parley-page-cache")).toBe("miss");
    expect(await after.text()).toContain(logged.key);

    const staffView = await journalist.fetch(`/negotiations/${facts.slug}`);
    expect(staffView.status).toBe(200);
    expect(staffView.headers.get("x-parley-page-cache")).toBeNull();
  });

  it("serves an expired copy at once while one background render replaces it (stale-while-revalidate)", async () => {
    const url = `${stack.baseUrl}/negotiations/${facts.slug}?swr=${uniqueKey("swr")}`;
    const first = await fetch(url);
    await first.text();
    expect(first.headers.get("x-parley-page-cache")).toBe("miss");
    // The cache's own lifetime (PARLEY_PAGE_CACHE_SECONDS) is the only clock here: wait it out.
    await sleep(TTL_SECONDS * 1000 + 200);
    const expired = await fetch(url);
    await expired.text();
    expect(expired.status).toBe(200);
    expect(expired.headers.get("x-parley-page-cache")).toBe("stale");
    expect(Number(expired.headers.get("age"))).toBeGreaterThanOrEqual(TTL_SECONDS);
    // The background render stores a fresh copy; later readers get it as a hit, never a miss.
    let renewed: string | null = null;
    for (let attempt = 0; attempt < 200 && renewed !== "hit"; attempt++) {
      const next = await fetch(url);
      await next.text();
      renewed = next.headers.get("x-parley-page-cache");
      expect(renewed).toMatch(/^(stale|hit)$/);
      if (renewed !== "hit") await sleep(50);
    }
    expect(renewed).toBe("hit");
  });

  it("answers conditional API requests with 304 from the cache", async () => {
    const url = `${stack.baseUrl}/api/v1/negotiations/${facts.slug}`;
    const first = await fetch(url);
    const etag = first.headers.get("etag");
    expect(first.status).toBe(200);
    expect(etag).toBeTruthy();
    const conditional = await fetch(url, { headers: { "if-none-match": etag! } });
    expect(conditional.status).toBe(304);
    expect(conditional.headers.get("x-parley-page-cache")).toMatch(/hit|miss/);
  });

  it("keeps serving pages readers have seen while the database is down, and fresh pages once it is back", async () => {
    const url = `${stack.baseUrl}/negotiations/${facts.slug}`;
    const before = await fetch(url);
    const goodCopy = await before.text();
    expect(before.status).toBe(200);

    await stack.stopDatabase();
    try {
      await sleep(TTL_SECONDS * 1000 + 500);
      const during = await fetch(url);
      expect(during.status).toBe(200);
      const body = await during.text();
      const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];
      expect(title(body)).toBeTruthy();
      expect(title(body)).toBe(title(goodCopy));
      // What the page shows, not its scripts: the client error boundary's outage words travel in
      // every page's message payload (messages/*.json "error"), shown only if the page fails.
      const shown = body.replace(/<script[\s\S]*?<\/script>/g, "");
      expect(shown).not.toMatch(/temporarily unavailable|cannot reach/i);
      // An address nobody has read yet has no copy: the outage answer, not a hang or a silent blank.
      const unseenActor = uniqueKey("unseen")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-");
      const unseen = await fetch(`${stack.baseUrl}/api/v1/negotiations?actor=${unseenActor}`);
      expect(unseen.status).toBe(503);
    } finally {
      await stack.startDatabase();
    }
    // Addresses nobody had read come back too, without restarting the app.
    let recovered = false;
    for (let attempt = 0; attempt < 120 && !recovered; attempt++) {
      await sleep(250);
      const response = await fetch(
        `${stack.baseUrl}/api/v1/negotiations?actor=${uniqueKey("after")
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")}`,
      );
      recovered = response.status === 200;
      await response.arrayBuffer();
    }
    expect(recovered, "uncached reads after the database came back").toBe(true);
    recordCounts({ faults: 1 });
  });
});
