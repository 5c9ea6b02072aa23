// Parley's performance benchmark (issue 8): `npm run bench` (or `-- --quick`).
// Builds the production app, starts it on a throwaway PostgreSQL with a large
// generated dataset, measures it from separate processes, prints a table with a
// PASS/FAIL per target and writes the numbers to bench/results/. See bench/README.md.
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { HttpSession } from "@/tests/harness/staff-client";
import { ensureProductionBuild, startStack, type Stack } from "@/tests/harness/stack";
import { FULL_DATASET, LARGE_SLUG, QUICK_DATASET, SMALL_SLUG, generateDataset, type DatasetCounts } from "./dataset";
import { emptyAppClientJs } from "./empty-app";
import {
  clientJs,
  loadTest,
  memorySampler,
  nextVersion,
  percentile,
  startStaticServer,
  waitForIdle,
  type LoadOptions,
  type LoadResult,
} from "./tools";

const quick = process.argv.includes("--quick");
const size = quick ? QUICK_DATASET : FULL_DATASET;
// Quick runs use fewer connections: at 50, a 3-second window can end before a rendered page comes back.
const load: LoadOptions = quick
  ? { connections: 10, seconds: 3, warmupSeconds: 1 }
  : { connections: 50, seconds: 10, warmupSeconds: 3 };
const EDITOR_ROUNDS = quick ? 8 : 30;
const FRESHNESS_ROUNDS = quick ? 3 : 10;

const log = (line: string) => console.log(`[bench] ${line}`);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The dataset's ids: md5 of a name shaped as a version-4 UUID, as pg_temp.bench_id does in SQL. */
const md5Uuid = (text: string) => {
  const hex = createHash("md5").update(text).digest("hex");
  const shaped = `${hex.slice(0, 12)}4${hex.slice(13, 16)}8${hex.slice(17)}`;
  return shaped.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5");
};
const negotiationId = (k: number) => md5Uuid(`negotiation${k}`);
const actorId = (i: number) => md5Uuid(`actor${i}`);
const sourceId = (i: number) => md5Uuid(`source${i}`);
const LARGE = { slug: LARGE_SLUG, id: negotiationId(1), number: 1 };
const SMALL = { slug: SMALL_SLUG, id: negotiationId(2), number: 2 };

type Target = { name: string; value: string; target: string; pass: boolean | null };

async function withClient<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** pg_stat_statements needs shared_preload_libraries: set it, then restart PostgreSQL (and the app with it). */
async function enableStatementCounting(stack: Stack): Promise<void> {
  await withClient(stack.databaseUrl, (c) =>
    c.query("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"),
  );
  await stack.stopApp();
  await stack.stopDatabase();
  await stack.startDatabase();
  await withClient(stack.databaseUrl, (c) => c.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"));
  await stack.startApp();
}

/** Statements the app ran on the benchmark database since the last reset (ours excluded). */
async function countStatements(client: pg.Client): Promise<number> {
  const result = await client.query<{ calls: string | null }>(
    `SELECT sum(calls) AS calls FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'`,
  );
  return Number(result.rows[0]?.calls ?? 0);
}

async function timedGet(url: string): Promise<{ ms: number; status: number; body: string }> {
  const start = performance.now();
  const response = await fetch(url);
  const body = await response.text();
  return { ms: performance.now() - start, status: response.status, body };
}

function developmentInput(negotiation: string, title: string) {
  return {
    negotiationId: negotiation,
    occurredOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
    title,
    summary: "Logged by the benchmark: a development with two citations.",
    kind: "STATEMENT",
    actorIds: [actorId(1)],
    citations: [
      { sourceId: sourceId(1), attribution: "Benchmark wire report", url: "https://news.example.org/bench/1" },
      {
        sourceId: sourceId(2),
        attribution: "Benchmark outlet report",
        url: "https://news.example.org/bench/2",
        excerpt: "An excerpt.",
      },
    ],
  };
}

async function main() {
  const startedAt = new Date();
  log(
    `${quick ? "quick" : "full"} run: ${size.negotiations} negotiations, ${size.largeDevelopments} developments in the large one, ${size.sources} sources, ~${size.citations} citations`,
  );
  ensureProductionBuild(log);
  const emptyApp = await emptyAppClientJs(log);

  // unstable_cache keeps entries on disk between runs; a previous run's data must not answer this one.
  rmSync(".next/cache/fetch-cache", { recursive: true, force: true });

  let counts: DatasetCounts | undefined;
  const seedStart = performance.now();
  const stack = await startStack({
    log,
    prepare: async (databaseUrl) => {
      counts = await generateDataset(databaseUrl, size);
    },
  });
  log(`dataset and app ready in ${round((performance.now() - seedStart) / 1000)} s: ${JSON.stringify(counts)}`);
  let staticServer: Awaited<ReturnType<typeof startStaticServer>> | undefined;
  try {
    await enableStatementCounting(stack);
    const memory = memorySampler(stack.app().child.pid!);
    const base = stack.baseUrl;
    const journalist = await new HttpSession(base).signIn(stack.staff.journalist);

    const logDraft = async (negotiation: string, title: string): Promise<string> => {
      const created = await journalist.action<{ id: string }>(
        "createDevelopmentAction",
        developmentInput(negotiation, title),
      );
      if (!created.result?.ok || !created.result.data)
        throw new Error(`createDevelopmentAction failed: HTTP ${created.status} ${JSON.stringify(created.result)}`);
      return created.result.data.id;
    };
    const publish = async (developmentId: string) => {
      const published = await journalist.action("setDevelopmentPublicationAction", {
        developmentId,
        version: 1,
        publish: true,
      });
      if (!published.result?.ok)
        throw new Error(
          `setDevelopmentPublicationAction failed: HTTP ${published.status} ${JSON.stringify(published.result)}`,
        );
    };

    // ── SQL statements per request on a cache miss (a publish invalidates the negotiation's cache tags) ──
    log("counting SQL statements per request on a cache miss…");
    const queryCounts: Record<string, { miss: number; warm: number; missMs: number }> = {};
    await withClient(stack.databaseUrl, async (client) => {
      const measure = async (label: string, negotiation: { id: string; slug: string }, pathname: string) => {
        await publish(await logDraft(negotiation.id, `Cache-miss probe ${label}`));
        await sleep(300);
        await client.query("SELECT pg_stat_statements_reset()");
        const miss = await timedGet(`${base}${pathname}`);
        if (miss.status !== 200) throw new Error(`${pathname}: HTTP ${miss.status}`);
        await sleep(300);
        const missCount = await countStatements(client);
        await client.query("SELECT pg_stat_statements_reset()");
        await timedGet(`${base}${pathname}`);
        await sleep(300);
        queryCounts[label] = { miss: missCount, warm: await countStatements(client), missMs: round(miss.ms) };
      };
      await measure("reader page, small", SMALL, `/negotiations/${SMALL.slug}`);
      await measure("reader page, large", LARGE, `/negotiations/${LARGE.slug}`);
      // A deep timeline page (OFFSET pagination) costs more on a miss only if the database has to walk the skipped rows.
      await measure(
        "reader page, large, deep timeline page",
        LARGE,
        `/negotiations/${LARGE.slug}?page=${Math.floor(size.largeDevelopments / 20)}`,
      );
      await measure("API, small", SMALL, `/api/v1/negotiations/${SMALL.slug}`);
      await measure("API, large", LARGE, `/api/v1/negotiations/${LARGE.slug}`);
      await measure("home page", SMALL, "/");
      await measure("feed", SMALL, "/feed.xml");
    });

    // ── Freshness: publish (server action over HTTP) → visible on the reader page ──
    log("measuring publish → visible…");
    const freshness: number[] = [];
    for (let i = 0; i < FRESHNESS_ROUNDS; i++) {
      const title = `Freshness probe ${i} ${Date.now()}`;
      const id = await logDraft(SMALL.id, title);
      await timedGet(`${base}/negotiations/${SMALL.slug}`); // a warm cache, as readers would have
      const start = performance.now();
      await publish(id);
      for (;;) {
        const page = await timedGet(`${base}/negotiations/${SMALL.slug}`);
        if (page.body.includes(title)) break;
        if (performance.now() - start > 60_000) throw new Error(`"${title}" was not visible within 60 s`);
        await sleep(20);
      }
      freshness.push(performance.now() - start);
    }

    // ── Editor actions over HTTP, signed in ──
    log("measuring editor actions…");
    const editor = { logDevelopment: [] as number[], updateTerms: [] as number[] };
    for (let i = 0; i < EDITOR_ROUNDS; i++) {
      let start = performance.now();
      await logDraft(LARGE.id, `Editor probe ${i}`);
      editor.logDevelopment.push(performance.now() - start);
      start = performance.now();
      const terms = await journalist.action("createTermsVersionAction", {
        negotiationId: LARGE.id,
        proposedOn: "2026-01-15",
        proposedById: actorId(3),
        status: "PROPOSED",
        summary: `Revised terms ${i}`,
        items: [
          { releasingActorId: actorId(1), receivingActorId: actorId(2), exact: 20 + i, category: "CIVILIANS" },
          { releasingActorId: actorId(2), receivingActorId: actorId(1), exact: 10 + i, category: "FIGHTERS" },
        ],
        citations: [{ sourceId: sourceId(3), attribution: "Benchmark terms report" }],
      });
      editor.updateTerms.push(performance.now() - start);
      if (!terms.result?.ok)
        throw new Error(`createTermsVersionAction failed: HTTP ${terms.status} ${JSON.stringify(terms.result)}`);
    }

    // ── Throughput and latency under load, against the static baseline ──
    const readerUrl = `${base}/negotiations/${LARGE.slug}`;
    const readerHtml = Buffer.from(await (await fetch(readerUrl)).arrayBuffer());
    staticServer = await startStaticServer(readerHtml);
    log(
      `load: ${load.connections} connections, ${load.seconds} s each (+${load.warmupSeconds} s warm-up); static baseline served by ${staticServer.kind}`,
    );
    const loads: Record<string, LoadResult> = {};
    const targets: Array<[string, string]> = [
      ["static baseline (same HTML)", staticServer.url],
      ["reader page, large", readerUrl],
      ["reader page, small", `${base}/negotiations/${SMALL.slug}`],
      ["home page", `${base}/`],
      ["API negotiation, large", `${base}/api/v1/negotiations/${LARGE.slug}`],
      ["feed", `${base}/feed.xml`],
    ];
    const appPid = stack.app().child.pid!;
    for (const [name, url] of targets) {
      await waitForIdle(url === staticServer.url ? staticServer.pid : appPid);
      const result = await loadTest(url, load);
      loads[name] = result;
      const problems = result.non2xx + result.errors + result.timeouts;
      log(
        `  ${name}: ${round(result.requestsPerSecond)} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms${problems ? ` (${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts)` : ""}`,
      );
    }
    await waitForIdle(appPid);
    await staticServer.stop();
    staticServer = undefined;

    // ── Client JavaScript and memory ──
    const readerJs = await clientJs(readerUrl, readerHtml.toString("utf8"));
    const peak = memory.stop();

    // ── Report ──
    const staticLoad = loads["static baseline (same HTML)"]!;
    const reader = loads["reader page, large"]!;
    const smallReader = loads["reader page, small"]!;
    const rpsRatio = reader.requestsPerSecond / staticLoad.requestsPerSecond;
    const p99Ratio = reader.latencyMs.p99 / Math.max(staticLoad.latencyMs.p99, 1);
    const growth = reader.latencyMs.mean / smallReader.latencyMs.mean;
    const jsRatio = readerJs.gzipBytes / emptyApp.gzipBytes;
    const freshnessMax = Math.max(...freshness);
    const p95 = (values: number[]) => round(percentile(values, 95));
    const p50 = (values: number[]) => round(percentile(values, 50));
    const pageCounts = [queryCounts["reader page, small"]!, queryCounts["reader page, large"]!];
    const apiCounts = [queryCounts["API, small"]!, queryCounts["API, large"]!];
    const constantQueries = pageCounts[0]!.miss === pageCounts[1]!.miss && apiCounts[0]!.miss === apiCounts[1]!.miss;
    const largeN = size.largeDevelopments;

    const results: Target[] = [
      {
        name: "Reader page req/s vs static",
        value: `${round(reader.requestsPerSecond)} vs ${round(staticLoad.requestsPerSecond)} (${round(rpsRatio, 2)}×)`,
        target: "≥ 0.8×",
        pass: rpsRatio >= 0.8,
      },
      {
        name: "Reader page p99 vs static",
        // autocannon gives up on a request after 10 s: timed-out requests are not in the percentiles, so they fail the row.
        value: `${reader.latencyMs.p99} vs ${staticLoad.latencyMs.p99} ms (${round(p99Ratio, 2)}×)${reader.timeouts ? `, ${reader.timeouts} timed out` : ""}`,
        target: "≤ 2×",
        pass: p99Ratio <= 2 && reader.timeouts === 0,
      },
      {
        name: "Publish → visible (max)",
        value: `${round(freshnessMax)} ms (median ${p50(freshness)} ms)`,
        target: "≤ 1000 ms",
        pass: freshnessMax <= 1000,
      },
      {
        name: `Reader page time, ${largeN} vs 10 developments`,
        value: `${reader.latencyMs.mean} vs ${smallReader.latencyMs.mean} ms mean (${round(growth, 2)}×)`,
        target: "≤ 1.5×",
        pass: growth <= 1.5,
      },
      {
        name: "SQL per reader page (cache miss)",
        value: `${pageCounts[0]!.miss} (10) / ${pageCounts[1]!.miss} (${largeN})`,
        target: "constant",
        pass: pageCounts[0]!.miss === pageCounts[1]!.miss,
      },
      {
        name: "SQL per API request (cache miss)",
        value: `${apiCounts[0]!.miss} (10) / ${apiCounts[1]!.miss} (${largeN})`,
        target: "constant",
        pass: apiCounts[0]!.miss === apiCounts[1]!.miss,
      },
      {
        name: "Editor: log development + 2 citations",
        value: `p50 ${p50(editor.logDevelopment)} / p95 ${p95(editor.logDevelopment)} ms`,
        target: "p95 ≤ 150 ms",
        pass: percentile(editor.logDevelopment, 95) <= 150,
      },
      {
        name: "Editor: update terms (new version)",
        value: `p50 ${p50(editor.updateTerms)} / p95 ${p95(editor.updateTerms)} ms`,
        target: "p95 ≤ 150 ms",
        pass: percentile(editor.updateTerms, 95) <= 150,
      },
      {
        name: "Reader page client JS (gzip)",
        value: `${round(readerJs.gzipBytes / 1024)} KiB vs ${round(emptyApp.gzipBytes / 1024)} KiB empty (${round(jsRatio, 2)}×)`,
        target: "≤ 1.3×",
        pass: jsRatio <= 1.3,
      },
    ];
    const info: Target[] = [
      ...Object.entries(loads)
        .filter(([name]) => name !== "static baseline (same HTML)" && name !== "reader page, large")
        .map(([name, r]) => ({
          name: `${name} under load`,
          value: `${round(r.requestsPerSecond)} req/s (${round(r.requestsPerSecond / staticLoad.requestsPerSecond, 2)}× static), p50 ${r.latencyMs.p50} / p99 ${r.latencyMs.p99} ms${r.timeouts ? `, ${r.timeouts} timed out` : ""}`,
          target: "—",
          pass: null,
        })),
      ...Object.entries(queryCounts).map(([name, c]) => ({
        name: `SQL: ${name}`,
        value: `${c.miss} on a miss (${c.missMs} ms), ${c.warm} warm`,
        target: "—",
        pass: null,
      })),
      { name: "Reader page HTML", value: `${round(readerHtml.length / 1024)} KiB`, target: "—", pass: null },
      {
        name: "Peak server memory (VmHWM, tree)",
        value: `${peak.peakMiB} MiB over ${peak.processes} process(es)`,
        target: "—",
        pass: null,
      },
    ];

    const width = Math.max(...[...results, ...info].map((r) => r.name.length));
    const valueWidth = Math.max(...[...results, ...info].map((r) => r.value.length));
    console.log(
      `\nParley benchmark — ${quick ? "quick" : "full"} run, ${os.cpus().length} CPU(s), Next.js ${nextVersion()}, load ${load.connections} connections × ${load.seconds} s\n`,
    );
    console.log(`${"Measure".padEnd(width)}  ${"Result".padEnd(valueWidth)}  ${"Target".padEnd(12)}  Verdict`);
    console.log(`${"-".repeat(width)}  ${"-".repeat(valueWidth)}  ${"-".repeat(12)}  -------`);
    for (const row of results)
      console.log(
        `${row.name.padEnd(width)}  ${row.value.padEnd(valueWidth)}  ${row.target.padEnd(12)}  ${row.pass ? "PASS" : "FAIL"}`,
      );
    console.log("");
    for (const row of info) console.log(`${row.name.padEnd(width)}  ${row.value}`);

    const report = {
      startedAt: startedAt.toISOString(),
      mode: quick ? "quick" : "full",
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model,
        memoryGiB: round(os.totalmem() / 2 ** 30),
        node: process.version,
        next: nextVersion(),
      },
      dataset: { size, counts },
      load,
      targets: results,
      loads,
      queryCounts: { ...queryCounts, constant: constantQueries },
      freshnessMs: freshness.map((v) => round(v)),
      editorMs: {
        logDevelopment: editor.logDevelopment.map((v) => round(v)),
        updateTerms: editor.updateTerms.map((v) => round(v)),
      },
      clientJs: { reader: readerJs, emptyAppRouter: emptyApp },
      readerHtmlBytes: readerHtml.length,
      memory: peak,
    };
    mkdirSync("bench/results", { recursive: true });
    const file = path.join(
      "bench/results",
      `${startedAt.toISOString().replace(/[:.]/g, "-")}${quick ? "-quick" : ""}.json`,
    );
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\n${results.filter((r) => r.pass).length}/${results.length} targets met. Results: ${file}`);
  } finally {
    await staticServer?.stop();
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
