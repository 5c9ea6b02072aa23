// PostgreSQL stops and comes back while readers and editors are busy: readers
// get a clear, prompt error while it is down and data again soon after; every
// write is either stored whole or reported as failed; the app is not restarted.
import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/db/connection";
import { startStack, type Stack } from "@/tests/harness/stack";
import { HttpSession } from "@/tests/harness/staff-client";
import { checkWrites, recordCounts, seedFacts, sql, uniqueKey, write, type SeedFacts, type Write } from "./support";

const REQUEST_TIMEOUT_MS = 20_000;
const RECOVERY_BOUND_MS = 30_000;
const OUTAGE_TEXT = /cannot reach (its|our) database/i;

/**
 * The outage notice: readable text (API, feeds, embeds), or for a page the
 * error digest that app/error.tsx renders as "Parley is temporarily unavailable"
 * (Next.js answers a page whose data failed with a 500 shell plus that digest).
 */
const saysOutage = (body: string) => OUTAGE_TEXT.test(body) || body.includes(DATABASE_UNAVAILABLE_DIGEST);

let stack: Stack;
let pool: pg.Pool;
let facts: SeedFacts;

beforeAll(async () => {
  stack = await startStack();
  pool = sql(stack.databaseUrl);
  facts = await seedFacts(pool);
  await pool.end();
});

afterAll(async () => {
  await stack?.stop();
});

type Read = { url: string; status: number | "timeout" | "error"; started: number; ended: number; outageText: boolean };

/** A slug-like key no cache has seen, so the request has to reach the database. */
const fresh = () =>
  uniqueKey("miss")
    .replace(/[^a-z0-9]+/gi, "-")
    .toLowerCase();

async function read(url: string): Promise<Read> {
  const started = Date.now();
  try {
    const response = await fetch(new URL(url, stack.baseUrl), {
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      redirect: "manual",
    });
    const body = await response.text();
    return { url, status: response.status, started, ended: Date.now(), outageText: saysOutage(body) };
  } catch (error) {
    const status = (error as Error).name === "TimeoutError" ? "timeout" : "error";
    return { url, status, started, ended: Date.now(), outageText: false };
  }
}

describe("PostgreSQL restarts under traffic", () => {
  it("reads recover, in-flight writes commit whole or report an error, and the app keeps running", async () => {
    const pid = stack.app().child.pid;
    const editors = await Promise.all(
      [stack.staff.journalist, stack.staff.admin, stack.staff.journalist].map((who) =>
        new HttpSession(stack.baseUrl).signIn(who),
      ),
    );
    const readerUrls = () => [
      `/negotiations/${facts.slug}`,
      "/",
      `/?q=${fresh()}`,
      `/api/v1/negotiations/${facts.slug}`,
      `/api/v1/negotiations?actor=${fresh()}`,
      "/feed.xml",
      `/api/v1/negotiations/${facts.slug}/developments`,
    ];

    let running = true;
    const reads: Read[] = [];
    const writes: Write[] = [];
    const readers = Array.from({ length: 8 }, async (_, index) => {
      for (let i = index; running; i++) {
        const urls = readerUrls();
        reads.push(await read(urls[i % urls.length]!));
        await sleep(50);
      }
    });
    const writers = editors.map(async (session, index) => {
      for (let i = 0; running; i++) {
        writes.push(
          await write(
            session,
            facts,
            (i + index) % 4 === 0 ? "terms" : "development",
            `Written around a restart ${index}`,
          ),
        );
        await sleep(100);
      }
    });

    await sleep(3_000);
    const downAt = Date.now();
    await stack.stopDatabase();
    await sleep(1_000);

    // While it is down: a clear answer, promptly, for the API, feeds and pages.
    const api = await fetch(`${stack.baseUrl}/api/v1/negotiations?actor=${fresh()}`, {
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    expect(api.status).toBe(503);
    expect(api.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await api.json()).toMatchObject({
      error: { code: "database_unavailable", message: expect.stringMatching(OUTAGE_TEXT) },
    });
    const feed = await fetch(`${stack.baseUrl}/negotiations/${fresh()}/feed.xml`, {
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    expect(feed.status).toBe(503);
    expect(feed.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await feed.text()).toMatch(OUTAGE_TEXT);
    const page = await read(`/?q=${fresh()}`);
    expect(
      page.status === 200 || (page.status === 503 && page.outageText),
      `home page while the database is down answered ${page.status} without saying why`,
    ).toBe(true);
    const refused = await write(editors[0]!, facts, "development", "Written while the database is down");
    expect(refused.outcome, refused.detail).toBe("error");
    writes.push(refused);

    await sleep(3_000);
    const upAt = Date.now();
    await stack.startDatabase();
    let recoveredAt = 0;
    while (Date.now() - upAt < RECOVERY_BOUND_MS * 2) {
      const [apiProbe, pageProbe] = await Promise.all([
        read(`/api/v1/negotiations?actor=${fresh()}`),
        read(`/?q=${fresh()}`),
      ]);
      if (apiProbe.status === 200 && pageProbe.status === 200) {
        recoveredAt = Date.now();
        break;
      }
      await sleep(250);
    }
    expect(recoveredAt, "reads never recovered").toBeGreaterThan(0);
    const recoveryMs = recoveredAt - upAt;
    console.log(
      `database restart: down ${upAt - downAt} ms; reads recovered ${recoveryMs} ms after PostgreSQL was started again`,
    );
    expect(recoveryMs).toBeLessThan(RECOVERY_BOUND_MS);

    // Writes work again, through the same app process.
    const after = await write(editors[1]!, facts, "development", "Written after the restart");
    expect(after.outcome, after.detail).toBe("ok");
    writes.push(after);
    await sleep(3_000);
    running = false;
    await Promise.all([...readers, ...writers]);

    expect(stack.app().child.pid).toBe(pid);
    expect(stack.app().child.exitCode).toBeNull();

    expect(
      reads.filter((r) => r.status === "timeout" || r.status === "error"),
      "requests that hung or failed without an answer",
    ).toEqual([]);
    const inOutage = (r: Read) => r.started < recoveredAt && r.ended > downAt;
    const outageAnswers = reads.filter(
      (r) => inOutage(r) && typeof r.status === "number" && r.status >= 500 && (r.status === 503 || r.outageText),
    );
    const serverErrors = reads.filter(
      (r) => typeof r.status === "number" && r.status >= 500 && !outageAnswers.includes(r),
    );
    expect(serverErrors, "5xx answers other than the outage notice").toEqual([]);

    expect(
      writes.filter((w) => w.outcome === "unknown"),
      "writes without an answer",
    ).toEqual([]);
    const check = await (async () => {
      const verify = sql(stack.databaseUrl);
      try {
        return await checkWrites(verify, writes);
      } finally {
        await verify.end();
      }
    })();
    const failed = writes.filter((w) => w.outcome === "error");
    console.log(
      `database restart: ${reads.length} reads (${outageAnswers.length} outage answers), ${writes.length} writes: ${check.acknowledged} acknowledged, ${check.found} found whole, ${failed.length} reported as failed`,
    );
    recordCounts({
      faults: 1,
      acknowledged: check.acknowledged,
      found: check.found,
      serverErrors: serverErrors.length,
      outageAnswers: outageAnswers.length,
    });
    expect(check.lost).toEqual([]);
    expect(check.halfApplied).toEqual([]);
    expect(check.refusedButStored).toEqual([]);
    expect(failed.length).toBeGreaterThan(0);
    // Each refusal names the cause and says that nothing was saved.
    for (const entry of failed) expect(entry.detail).toMatch(/^(UNAVAILABLE|TIMEOUT): .*nothing was saved/);
  });
});
