// 200 readers and 5 editors at once for PARLEY_LOAD_SECONDS (default 60):
// no server errors, and every write the app acknowledged is in the database.
import autocannon from "autocannon";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "@/tests/harness/stack";
import { HttpSession } from "@/tests/harness/staff-client";
import { checkWrites, recordCounts, seedFacts, sql, write, type SeedFacts, type Write } from "./support";

const SECONDS = Number(process.env.PARLEY_LOAD_SECONDS ?? 60);
const READERS = 200;
const EDITORS = 5;

let stack: Stack;
let pool: pg.Pool;
let facts: SeedFacts;

beforeAll(async () => {
  if (!Number.isFinite(SECONDS) || SECONDS < 1)
    throw new Error(`PARLEY_LOAD_SECONDS must be a number of seconds, got ${process.env.PARLEY_LOAD_SECONDS}`);
  stack = await startStack();
  pool = sql(stack.databaseUrl);
  facts = await seedFacts(pool);
});

afterAll(async () => {
  await pool?.end();
  await stack?.stop();
});

describe(`load: ${READERS} readers and ${EDITORS} editors for ${SECONDS} s`, () => {
  it("answers every reader without a server error and keeps every acknowledged write", async () => {
    const editors = await Promise.all(
      Array.from({ length: EDITORS }, (_, index) =>
        new HttpSession(stack.baseUrl).signIn(index % 2 === 0 ? stack.staff.journalist : stack.staff.admin),
      ),
    );
    const writes: Write[] = [];
    let running = true;
    const writers = editors.map(async (session, index) => {
      // Mostly new developments with citations, and every fourth write a new version of the terms.
      for (let i = 0; running; i++)
        writes.push(
          await write(session, facts, (i + index) % 4 === 3 ? "terms" : "development", `Under load ${index}`),
        );
    });

    const readers = await autocannon({
      url: stack.baseUrl,
      connections: READERS,
      duration: SECONDS,
      timeout: 30,
      requests: [
        { path: `/negotiations/${facts.slug}` },
        { path: "/" },
        { path: `/api/v1/negotiations/${facts.slug}` },
        { path: "/feed.xml" },
        { path: `/api/v1/negotiations/${facts.slug}/developments` },
      ],
    });
    running = false;
    await Promise.all(writers);

    const statuses = Object.fromEntries(
      Object.entries(readers.statusCodeStats).map(([status, stats]) => [status, stats.count]),
    );
    const serverErrors = Object.entries(statuses)
      .filter(([status]) => Number(status) >= 500)
      .reduce((sum, [, count]) => sum + count, 0);
    const unanswered = writes.filter((w) => w.outcome === "unknown");
    const refused = writes.filter((w) => w.outcome === "error");
    const check = await checkWrites(pool, writes);
    console.log(
      `load: ${readers.requests.total} reads in ${SECONDS} s (${Math.round(readers.requests.average)}/s, p99 ${readers.latency.p99} ms, statuses ${JSON.stringify(statuses)}, ` +
        `${readers.errors - readers.timeouts} connection errors, ${readers.timeouts} over 30 s); ${writes.length} writes: ${check.acknowledged} acknowledged, ${check.found} found, ${refused.length} refused with an error`,
    );
    if (refused.length + unanswered.length > 0)
      console.log(`app output:\n${stack.app().output.join("").slice(-4_000)}`);
    recordCounts({
      acknowledged: check.acknowledged,
      found: check.found,
      serverErrors: serverErrors + unanswered.length,
    });

    expect(readers.requests.total).toBeGreaterThan(0);
    expect(serverErrors, `5xx answers: ${JSON.stringify(statuses)}`).toBe(0);
    expect(readers.errors - readers.timeouts, "reader connections refused or reset").toBe(0);
    expect(unanswered, "writes answered with a 5xx or no action result").toEqual([]);
    expect(check.acknowledged).toBeGreaterThan(0);
    expect(check.lost).toEqual([]);
    expect(check.halfApplied).toEqual([]);
    // A save refused under overload (the user is told and keeps the input) must leave nothing behind.
    expect(check.refusedButStored).toEqual([]);
  });
});
