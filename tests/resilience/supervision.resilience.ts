// The faults an outside tester injected, against `npm start` itself (the app
// owns its embedded PostgreSQL here): kill -9 of PostgreSQL under load, a 20 s
// stall (SIGSTOP/SIGCONT), double submits and retries, the app killed and
// started again on the same folder, and the exit codes a process manager reads.
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REQUEST_DEADLINE_MS } from "@/lib/server/outage-response";
import { HttpSession } from "@/tests/harness/staff-client";
import {
  isAlive,
  killGroup,
  npmStart,
  portAnswers,
  postgresProcesses,
  postmasterPid,
  prepareDataFolder,
  processes,
  waitUntil,
  type PreparedFolder,
  type Served,
} from "./serve-process";
import { developmentInput, recordCounts, seedFacts, sql, termsInput, uniqueKey, type SeedFacts } from "./support";

/** A reader is never kept waiting longer than the server's deadline (plus scheduling slack on a busy CI box). */
const READ_BOUND_MS = REQUEST_DEADLINE_MS + 3_000;
/** The suite's own connections to check what is stored; idle ones are cut when PostgreSQL is killed, as expected. */
function verificationPool(databaseUrl: string): pg.Pool {
  const created = sql(databaseUrl);
  created.on("error", () => undefined);
  return created;
}

/** Writes (POST) have twice the deadline; the database bounds normally answer within ~12 s. */
const WRITE_BOUND_MS = 2 * REQUEST_DEADLINE_MS + 3_000;

let folder: PreparedFolder;
let app: Served | undefined;
let facts: SeedFacts;
let pool: pg.Pool;

beforeAll(async () => {
  folder = await prepareDataFolder();
  app = await npmStart(folder.dataDir);
  pool = verificationPool(app.databaseUrl);
  facts = await seedFacts(pool);
});

afterAll(async () => {
  await pool?.end().catch(() => undefined);
  killGroup(app);
});

type Read = { url: string; status: number | "timeout" | "error"; ms: number; retryAfter: string | null };

async function read(url: string): Promise<Read> {
  const started = Date.now();
  try {
    const response = await fetch(new URL(url, app!.baseUrl), { signal: AbortSignal.timeout(90_000) });
    await response.arrayBuffer();
    return { url, status: response.status, ms: Date.now() - started, retryAfter: response.headers.get("retry-after") };
  } catch (error) {
    const status = (error as Error).name === "TimeoutError" ? "timeout" : "error";
    return { url, status, ms: Date.now() - started, retryAfter: null };
  }
}

const fresh = () => randomBytes(6).toString("hex");
const readerUrls = () => [
  `/negotiations/${facts.slug}`,
  `/?q=${fresh()}`,
  `/api/v1/negotiations?actor=${fresh()}`,
  `/negotiations/${facts.slug}/feed.xml`,
  `/negotiations/no-such-${fresh()}`,
];

/** One intended write, retried with the same idempotency key until it is acknowledged, as the form does. */
type Intended = {
  kind: "development" | "terms";
  title: string;
  acknowledged: boolean;
  attempts: { ms: number; answer: string }[];
};

async function intendedWrite(session: HttpSession, kind: Intended["kind"], label: string): Promise<Intended> {
  const title = uniqueKey(label);
  const idempotencyKey = randomBytes(16).toString("hex");
  const intended: Intended = { kind, title, acknowledged: false, attempts: [] };
  const input =
    kind === "development" ? developmentInput(facts.negotiationId, title, facts.sourceIds) : termsInput(facts, title);
  for (let attempt = 0; attempt < 40 && !intended.acknowledged; attempt++) {
    const started = Date.now();
    let answer: string;
    try {
      const outcome = await session.action(
        kind === "development" ? "createDevelopmentAction" : "createTermsVersionAction",
        { ...input, idempotencyKey },
      );
      if (outcome.result?.ok) {
        intended.acknowledged = true;
        answer = "ok";
      } else answer = outcome.result ? `${outcome.result.code}: ${outcome.result.message}` : `HTTP ${outcome.status}`;
    } catch (error) {
      answer = `no answer: ${(error as Error).message}`;
    }
    intended.attempts.push({ ms: Date.now() - started, answer });
    if (!intended.acknowledged) await sleep(500);
  }
  return intended;
}

/** Rows stored for each intended write: exactly one for an acknowledged one. */
async function audit(writes: Intended[]) {
  let lost = 0;
  let duplicated = 0;
  let found = 0;
  for (const write of writes) {
    const { rows } = await pool.query<{ n: string }>(
      write.kind === "development"
        ? `SELECT count(*) AS n FROM "Development" WHERE title = $1`
        : `SELECT count(*) AS n FROM "TermsVersion" WHERE summary = $1`,
      [write.title],
    );
    const stored = Number(rows[0]!.n);
    if (write.acknowledged && stored === 0) lost += 1;
    if (stored > 1) duplicated += stored - 1;
    if (write.acknowledged && stored >= 1) found += 1;
  }
  return { acknowledged: writes.filter((w) => w.acknowledged).length, found, lost, duplicated };
}

/** Readers and editors busy until `stop()`; returns everything they saw. */
function traffic(editors: HttpSession[], label: string) {
  let running = true;
  const reads: Read[] = [];
  const writes: Intended[] = [];
  const readers = Array.from({ length: 6 }, async (_, index) => {
    for (let i = index; running; i++) {
      const urls = readerUrls();
      reads.push(await read(urls[i % urls.length]!));
      await sleep(100);
    }
  });
  const writers = editors.map(async (session, index) => {
    for (let i = 0; running; i++) {
      writes.push(await intendedWrite(session, (i + index) % 3 === 0 ? "terms" : "development", `${label} ${index}`));
      await sleep(200);
    }
  });
  return {
    reads,
    writes,
    stop: async () => {
      running = false;
      await Promise.all([...readers, ...writers]);
    },
  };
}

function judgeReads(reads: Read[]) {
  const serverErrors = reads.filter(
    (r) =>
      r.status === "timeout" ||
      r.status === "error" ||
      (typeof r.status === "number" && r.status >= 500 && r.status !== 503),
  );
  const outageAnswers = reads.filter((r) => r.status === 503);
  return { serverErrors, outageAnswers, slowest: Math.max(0, ...reads.map((r) => r.ms)) };
}

describe("npm start under injected faults", () => {
  it("kill -9 of PostgreSQL under load: it comes back by itself, no 500s, nothing lost or doubled", async () => {
    const editors = await Promise.all(
      [folder.staff.journalist, folder.staff.admin, folder.staff.journalist].map((who) =>
        new HttpSession(app!.baseUrl).signIn(who),
      ),
    );
    const load = traffic(editors, "Around a kill -9");
    await sleep(3_000);
    const killed = postmasterPid(folder.dataDir);
    const killedAt = Date.now();
    process.kill(killed, "SIGKILL");
    const backMs = await waitUntil(
      () => /embedded PostgreSQL is back/.test(app!.output()),
      60_000,
      "the supervisor restarts PostgreSQL",
    );
    await sleep(3_000);
    await load.stop();
    const { serverErrors, outageAnswers } = judgeReads(load.reads);
    const writes = await audit(load.writes);
    console.log(
      `kill -9: PostgreSQL back after ${(backMs / 1000).toFixed(1)} s; ${load.reads.length} reads (${outageAnswers.length} × 503), ` +
        `${load.writes.length} intended writes: ${writes.acknowledged} acknowledged, ${writes.found} found, ${writes.lost} lost, ${writes.duplicated} duplicated`,
    );
    recordCounts({
      faults: 1,
      acknowledged: writes.acknowledged,
      found: writes.found,
      serverErrors: serverErrors.length,
      outageAnswers: outageAnswers.length,
    });
    expect(app!.output()).toMatch(
      new RegExp(`embedded PostgreSQL \\(pid ${killed}\\) stopped unexpectedly \\(killed by SIGKILL\\)`),
    );
    expect(postmasterPid(folder.dataDir)).not.toBe(killed);
    expect(Date.now() - killedAt).toBeLessThan(120_000);
    // On failure, say why: the app's own error lines around the kill.
    const appErrors = () =>
      app!
        .output()
        .split("\n")
        .filter((line) => /"level":"(error|fatal)"|Error:/.test(line))
        .slice(0, 20)
        .join("\n");
    expect(serverErrors, `answers other than 2xx–4xx or 503; the app logged:\n${appErrors()}`).toEqual([]);
    for (const answer of outageAnswers) expect(answer.retryAfter).toMatch(/^\d+$/);
    expect(
      load.writes.every((w) => w.acknowledged),
      "every intended write is eventually acknowledged",
    ).toBe(true);
    expect(writes.lost).toBe(0);
    expect(writes.duplicated).toBe(0);
  });

  it("a 20 s stall (SIGSTOP of PostgreSQL): bounded waits, clear refusals, nothing lost or doubled, recovers by itself", async () => {
    const editors = await Promise.all(
      [folder.staff.journalist, folder.staff.admin].map((who) => new HttpSession(app!.baseUrl).signIn(who)),
    );
    const load = traffic(editors, "Around a stall");
    await sleep(2_000);
    const paused = postgresProcesses(folder.dataDir);
    for (const pid of paused) process.kill(pid, "SIGSTOP");
    const stalledAt = Date.now();
    await sleep(20_000);
    for (const pid of paused) process.kill(pid, "SIGCONT");
    const resumedAt = Date.now();
    // Recovers by itself: a page nobody has read yet renders again.
    let recoveredMs = -1;
    while (Date.now() - resumedAt < 30_000) {
      const probe = await read(`/?q=${fresh()}`);
      if (probe.status === 200) {
        recoveredMs = Date.now() - resumedAt;
        break;
      }
      await sleep(250);
    }
    await sleep(2_000);
    await load.stop();

    const { serverErrors, outageAnswers, slowest } = judgeReads(load.reads);
    const inStall = load.reads.filter((r) => r.status === 503).length;
    const writeAttempts = load.writes.flatMap((w) => w.attempts);
    const slowestWrite = Math.max(0, ...writeAttempts.map((a) => a.ms));
    const refusals = writeAttempts.filter((a) => a.answer !== "ok").map((a) => a.answer);
    const writes = await audit(load.writes);
    console.log(
      `stall: ${(resumedAt - stalledAt) / 1000} s paused; ${load.reads.length} reads (${inStall} × 503), slowest read ${slowest} ms (bound ${READ_BOUND_MS}), ` +
        `slowest write attempt ${slowestWrite} ms (bound ${WRITE_BOUND_MS}); ${refusals.length} refused attempts; recovered ${recoveredMs} ms after SIGCONT; ` +
        `${writes.acknowledged} acknowledged, ${writes.found} found, ${writes.lost} lost, ${writes.duplicated} duplicated`,
    );
    recordCounts({
      faults: 1,
      acknowledged: writes.acknowledged,
      found: writes.found,
      serverErrors: serverErrors.length,
      outageAnswers: outageAnswers.length,
    });
    expect(serverErrors, "answers other than 2xx–4xx or 503").toEqual([]);
    expect(slowest).toBeLessThan(READ_BOUND_MS);
    expect(slowestWrite).toBeLessThan(WRITE_BOUND_MS);
    expect(inStall, "readers of pages nobody had read were told to come back").toBeGreaterThan(0);
    expect(refusals.length, "writes during the stall were refused, not left hanging").toBeGreaterThan(0);
    for (const refusal of refusals) expect(refusal).toMatch(/^(TIMEOUT|UNAVAILABLE): .*nothing was saved/);
    expect(recoveredMs).toBeGreaterThanOrEqual(0);
    expect(load.writes.every((w) => w.acknowledged)).toBe(true);
    expect(writes.lost).toBe(0);
    expect(writes.duplicated).toBe(0);
  });

  it("double submits, two tabs and retries store one row each", async () => {
    const [first, second] = await Promise.all(
      [folder.staff.journalist, folder.staff.journalist].map((who) => new HttpSession(app!.baseUrl).signIn(who)),
    );
    const titles: string[] = [];
    let answers = 0;
    for (let pair = 0; pair < 10; pair++) {
      const title = uniqueKey("Double submit");
      titles.push(title);
      const input = {
        ...developmentInput(facts.negotiationId, title, facts.sourceIds),
        idempotencyKey: randomBytes(16).toString("hex"),
      };
      // A double click (same tab) and the same submission from a second tab, at once, then two retries.
      const outcomes = await Promise.all([
        first!.action("createDevelopmentAction", input),
        first!.action("createDevelopmentAction", input),
        second!.action("createDevelopmentAction", input),
      ]);
      outcomes.push(
        await first!.action("createDevelopmentAction", input),
        await second!.action("createDevelopmentAction", input),
      );
      for (const outcome of outcomes) expect(outcome.result, outcome.body.slice(0, 300)).toMatchObject({ ok: true });
      const ids = new Set(outcomes.map((o) => (o.result as { data: { id: string } }).data.id));
      expect(ids.size).toBe(1);
      answers += outcomes.length;
    }
    const { rows } = await pool.query<{ title: string; n: string }>(
      `SELECT title, count(*) AS n FROM "Development" WHERE title = ANY($1) GROUP BY title`,
      [titles],
    );
    const duplicates = rows.reduce((sum, row) => sum + Number(row.n) - 1, 0);
    console.log(
      `double submits: ${answers} submissions of ${titles.length} intended writes → ${rows.length} rows, ${duplicates} duplicates`,
    );
    recordCounts({ acknowledged: titles.length, found: rows.length });
    expect(rows).toHaveLength(titles.length);
    expect(duplicates).toBe(0);
  });

  it("the app killed (kill -9) and started again on the same folder: the orphaned PostgreSQL is shut down, the start is clean", async () => {
    const before = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "Development"`)).rows[0]!.n);
    await pool.end();
    const orphan = postmasterPid(folder.dataDir);
    const group = app!.npm.pid!;
    const appServer = processes().find((p) => p.pgid === group && p.command.includes("scripts/app-server.ts"));
    // Everything of the app but its children: npm and serve.ts die at once, as in a crash or an OOM kill.
    for (const p of processes())
      if (p.pgid === group && !p.command.includes("postgres") && !p.command.includes("app-server.ts"))
        process.kill(p.pid, "SIGKILL");
    await app!.exited;
    // The app server notices its parent is gone and stops, instead of holding the port.
    const releasedMs = await waitUntil(() => !appServer || !isAlive(appServer.pid), 20_000, "the app server stops");
    expect(await portAnswers(app!.port)).toBe(false);
    expect(isAlive(orphan), "PostgreSQL is left running, as after a real crash").toBe(true);

    app = await npmStart(folder.dataDir);
    expect(app.output()).toMatch(
      new RegExp(
        `found PostgreSQL \\(pid ${orphan}\\) still running on .* with no Parley holding it .*shutting it down`,
      ),
    );
    expect(app.output()).not.toMatch(/already in use/);
    expect(isAlive(orphan)).toBe(false);
    pool = verificationPool(app.databaseUrl);
    const after = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "Development"`)).rows[0]!.n);
    expect(after).toBe(before);
    console.log(
      `app crash: app server let go of its port ${releasedMs} ms after its parent died; restart shut down the orphaned PostgreSQL and served; ${after} developments kept`,
    );
    recordCounts({ faults: 1 });
  });

  it("exit codes: non-zero when the app server is killed; 0 after SIGTERM to npm, with Next and PostgreSQL stopped", async () => {
    await pool.end();
    const group = app!.npm.pid!;
    const appServer = processes().find((p) => p.pgid === group && p.command.includes("scripts/app-server.ts"))!;
    const postgres = postmasterPid(folder.dataDir);
    process.kill(appServer.pid, "SIGKILL");
    const killed = await app!.exited;
    expect(killed.code).toBe(137);
    expect(app!.output()).toMatch(/the app server was killed by SIGKILL; exit code 137/);
    expect(isAlive(postgres), "PostgreSQL is stopped with the app").toBe(false);

    app = await npmStart(folder.dataDir);
    const serving = processes().filter((p) => p.pgid === app!.npm.pid);
    const stoppedAt = Date.now();
    process.kill(app.npm.pid!, "SIGTERM");
    const stopped = await app.exited;
    const stopMs = Date.now() - stoppedAt;
    expect(stopped.code).toBe(0);
    expect(
      serving.filter((p) => isAlive(p.pid)),
      "every process npm start ran has exited",
    ).toEqual([]);
    expect(await portAnswers(app.port)).toBe(false);
    console.log(
      `exit codes: app server killed → npm start exit ${killed.code}; SIGTERM to npm → exit ${stopped.code} after ${stopMs} ms, all ${serving.length} processes gone`,
    );
    recordCounts({ faults: 2 });
    app = undefined;
  });
});
