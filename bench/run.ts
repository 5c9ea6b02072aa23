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
import { startDeployedNginx, type DeployedNginx } from "@/tests/harness/deployed-nginx";
import { ensureProductionBuild, freePort, startStack, type Stack } from "@/tests/harness/stack";
import { FULL_DATASET, LARGE_SLUG, QUICK_DATASET, SMALL_SLUG, generateDataset, type DatasetCounts } from "./dataset";
import { emptyAppClientJs } from "./empty-app";
import { measureLoad, type LoadSection } from "./compare-load";
import { ensureLoadTools } from "./install-tools";
import { clientJs, commandVersion, inlineFlightBytes, memorySampler, nextVersion, percentile } from "./tools";
import { measureFanout, measureSeveralInstances, type Fanout, type SeveralInstances } from "./several-instances";
import { problemCount, type LoadOptions, type LoadResult } from "./wrk";

const quick = process.argv.includes("--quick");
const size = quick ? QUICK_DATASET : FULL_DATASET;
// wrk with one thread: on 2 cores, one for the generator and one for the server under test (nginx has one
// worker; the app serves from one Node.js thread). Each run records whether wrk saturated its core.
const load: Omit<LoadOptions, "connections"> = quick
  ? { threads: 1, seconds: 2, warmupSeconds: 1 }
  : { threads: 1, seconds: 10, warmupSeconds: 3 };
/** The reader and home pages are compared with nginx at each of these; the other URLs run at the last. */
const LOAD_CONNECTIONS = [10, 50];
const OTHER_CONNECTIONS = 50;
/** The reader page as readers get it in a deployment: through deploy/nginx-parley.conf (its one-second cache) to one instance. */
const READER = "reader page, large, deployed";
/** The same page from `npm start` alone, no nginx in front. */
const READER_DIRECT = "reader page, large, app alone";
const HOME = "home page";
/** Cards on a full home page (HOME_PAGE_SIZE in lib/data/negotiations.ts, a server-only module). */
const HOME_CARDS = 20;
const SMALL_READER = "reader page, small";
const EDITOR_ROUNDS = quick ? 8 : 30;
const FRESHNESS_ROUNDS = quick ? 3 : 10;
/** Event streams held open on one instance for the fan-out row (the issue's figure; the quick run uses fewer). */
const FANOUT_SUBSCRIBERS = quick ? 500 : 2000;
const FANOUT_ROUNDS = quick ? 3 : 5;

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
const verdict = (pass: boolean | null) => (pass === null ? "SKIP" : pass ? "PASS" : "FAIL");

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
  const tools = ensureLoadTools(log);
  ensureProductionBuild(log);
  const emptyApp = await emptyAppClientJs(log);

  // unstable_cache keeps entries on disk between runs; a previous run's data must not answer this one.
  rmSync(".next/cache/fetch-cache", { recursive: true, force: true });

  let counts: DatasetCounts | undefined;
  const seedStart = performance.now();
  const stack = await startStack({
    log,
    env: { PARLEY_EVENT_STREAMS_MAX: String(FANOUT_SUBSCRIBERS) },
    prepare: async (databaseUrl) => {
      counts = await generateDataset(databaseUrl, size);
    },
  });
  log(`dataset and app ready in ${round((performance.now() - seedStart) / 1000)} s: ${JSON.stringify(counts)}`);
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
      // A search that finds one card: a home page of 20 cards must not cost more than it (no per-card queries).
      await measure("home page, one card (search)", SMALL, `/?q=${encodeURIComponent("Bench negotiation 2:")}`);
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

    // ── Throughput and latency under load: wrk, against nginx serving the same bytes ──
    const readerUrl = `${base}/negotiations/${LARGE.slug}`;
    const homeUrl = `${base}/`;
    const readerHtml = Buffer.from(await (await fetch(readerUrl)).arrayBuffer());
    const homeHtml = Buffer.from(await (await fetch(homeUrl)).arrayBuffer());
    const loadAverageBefore = os.loadavg();
    let loads: LoadSection | null = null;
    // The committed nginx configuration in front of this instance: what the targets measure.
    let deployed: DeployedNginx | null = null;
    if (tools.wrk && tools.nginx) deployed = await startDeployedNginx([stack.port], await freePort());
    if (tools.wrk) {
      log(
        `load (wrk, ${load.threads} thread): ${LOAD_CONNECTIONS.join(" and ")} connections, ${load.seconds} s each (+${load.warmupSeconds} s warm-up); static baseline: ${tools.nginx ? "nginx, 1 worker" : "none (nginx missing)"}; load average ${loadAverageBefore.map((v) => v.toFixed(2)).join(" ")}`,
      );
      try {
        loads = await measureLoad({
          tools: { ...tools, wrk: tools.wrk },
          appPid: stack.app().child.pid!,
          options: load,
          connectionCounts: LOAD_CONNECTIONS,
          otherConnections: OTHER_CONNECTIONS,
          compared: [
            ...(deployed
              ? [
                  {
                    name: READER,
                    url: `${deployed.url}/negotiations/${LARGE.slug}`,
                    html: readerHtml,
                    serverPids: [deployed.pid, stack.app().child.pid!],
                  },
                ]
              : []),
            { name: READER_DIRECT, url: readerUrl, html: readerHtml },
            { name: HOME, url: homeUrl, html: homeHtml },
          ],
          others: [
            { name: SMALL_READER, url: `${base}/negotiations/${SMALL.slug}` },
            { name: "API negotiation, large", url: `${base}/api/v1/negotiations/${LARGE.slug}` },
            { name: "feed", url: `${base}/feed.xml` },
          ],
          log,
        });
      } finally {
        await deployed?.stop();
      }
    }

    // ── Several instances behind the committed nginx configuration, and event-stream fan-out (issue 16) ──
    let several: SeveralInstances | null = null;
    if (tools.wrk && tools.nginx) {
      several = await measureSeveralInstances({
        stack,
        wrk: tools.wrk,
        readerPath: `/negotiations/${SMALL.slug}`,
        options: { ...load, connections: OTHER_CONNECTIONS },
        rounds: FRESHNESS_ROUNDS,
        draft: async () => {
          const title = `Cross-instance probe ${Date.now()}`;
          const id = await logDraft(SMALL.id, title);
          return { title, publish: () => publish(id) };
        },
        log,
      });
    }
    log(
      `event-stream fan-out: ${FANOUT_SUBSCRIBERS} subscribers in a separate process, ${FANOUT_ROUNDS} announcements…`,
    );
    // A failure here (e.g. streams refused by an overloaded machine) is reported, not fatal to the other rows.
    const fanout: Fanout | Error = await measureFanout({
      stack,
      slug: SMALL.slug,
      negotiationId: SMALL.id,
      subscribers: FANOUT_SUBSCRIBERS,
      rounds: FANOUT_ROUNDS,
    }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));

    // ── Client JavaScript and memory ──
    const readerJs = await clientJs(readerUrl, readerHtml.toString("utf8"));
    const readerPayload = inlineFlightBytes(readerHtml.toString("utf8"));
    const homePayload = inlineFlightBytes(homeHtml.toString("utf8"));
    const peak = memory.stop();
    const loadAverageAfter = os.loadavg();

    // ── Report ──
    const readerRuns = loads?.compared[READER] ?? [];
    const readerAtOther = (loads?.compared[READER_DIRECT] ?? []).find((c) => c.connections === OTHER_CONNECTIONS)?.app;
    const smallReader = loads?.others[SMALL_READER];
    const withNginx = readerRuns.filter((c) => c.nginx && c.rpsRatio !== null && c.p99Ratio !== null);
    const staticSkipped = !loads
      ? "skipped: wrk not available"
      : withNginx.length === 0
        ? "skipped: nginx not available"
        : null;
    const asDeployed = "through deploy/nginx-parley.conf to 1 instance: ";
    const minRps = Math.min(...withNginx.map((c) => c.rpsRatio!));
    const maxP99 = Math.max(...withNginx.map((c) => c.p99Ratio!));
    const readerProblems = readerRuns.reduce((sum, c) => sum + problemCount(c.app), 0);
    const growth = readerAtOther && smallReader ? readerAtOther.latencyMs.mean / smallReader.latencyMs.mean : null;
    const jsRatio = readerJs.gzipBytes / emptyApp.gzipBytes;
    const freshnessMax = Math.max(...freshness);
    const crossMax = several ? Math.max(...several.crossInstanceMs) : null;
    const smallDirect = loads?.others[SMALL_READER];
    const p95 = (values: number[]) => round(percentile(values, 95));
    const p50 = (values: number[]) => round(percentile(values, 50));
    const pageCounts = [queryCounts["reader page, small"]!, queryCounts["reader page, large"]!];
    const apiCounts = [queryCounts["API, small"]!, queryCounts["API, large"]!];
    const homeCounts = [queryCounts["home page, one card (search)"]!, queryCounts["home page"]!];
    const homeConstant = homeCounts[1]!.miss <= homeCounts[0]!.miss;
    const constantQueries =
      pageCounts[0]!.miss === pageCounts[1]!.miss && apiCounts[0]!.miss === apiCounts[1]!.miss && homeConstant;
    const largeN = size.largeDevelopments;

    const results: Target[] = [
      {
        name: "Reader page req/s vs nginx static",
        value:
          staticSkipped ??
          asDeployed +
            withNginx
              .map(
                (c) =>
                  `${c.rpsRatio}× @${c.connections} (${round(c.app.requestsPerSecond, 0)} vs ${round(c.nginx!.requestsPerSecond, 0)})`,
              )
              .join(", "),
        target: "≥ 0.8×",
        pass: staticSkipped ? null : minRps >= 0.8,
      },
      {
        name: "Reader page p99 vs nginx static",
        // wrk gives up on a request after 10 s (--timeout): such requests are not in the percentiles, so any error fails the row.
        value:
          staticSkipped ??
          asDeployed +
            withNginx
              .map((c) => `${c.p99Ratio}× @${c.connections} (${c.app.latencyMs.p99} vs ${c.nginx!.latencyMs.p99} ms)`)
              .join(", ") +
            (readerProblems ? `, ${readerProblems} errors/timeouts` : ""),
        target: "≤ 2×",
        pass: staticSkipped ? null : maxP99 <= 2 && readerProblems === 0,
      },
      {
        name: "Publish → visible (max)",
        value: `${round(freshnessMax)} ms (median ${p50(freshness)} ms)`,
        target: "≤ 1000 ms",
        pass: freshnessMax <= 1000,
      },
      {
        name: "Publish → visible on the other instances (max)",
        value:
          several && crossMax !== null
            ? `${round(crossMax)} ms (median ${p50(several.crossInstanceMs)} ms, ${several.crossInstanceMs.length} rounds, slower of 2 instances)`
            : "skipped: wrk or nginx not available",
        target: "≤ 1000 ms",
        pass: crossMax === null ? null : crossMax <= 1000,
      },
      {
        name: `Event-stream fan-out p99 (${FANOUT_SUBSCRIBERS} streams)`,
        value:
          fanout instanceof Error
            ? `failed: ${fanout.message}`
            : `p99 ${fanout.p99Ms} ms (p50 ${fanout.p50Ms}, max ${fanout.maxMs}); subscribers' process ${fanout.generatorCores} core`,
        target: "≤ 1000 ms",
        pass: fanout instanceof Error ? false : fanout.p99Ms <= 1000,
      },
      {
        name: `Reader page time, ${largeN} vs 10 developments`,
        value:
          readerAtOther && smallReader && growth !== null
            ? `${readerAtOther.latencyMs.mean} vs ${smallReader.latencyMs.mean} ms mean @${OTHER_CONNECTIONS} (${round(growth, 2)}×)`
            : "skipped: wrk not available",
        target: "≤ 1.5×",
        pass: growth === null ? null : growth <= 1.5,
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
        name: "SQL per home page (cache miss)",
        value: `${homeCounts[0]!.miss} (1 card, a search) / ${homeCounts[1]!.miss} (${HOME_CARDS} cards)`,
        target: "not more",
        pass: homeConstant,
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
    const loadLine = (r: LoadResult) =>
      `${round(r.requestsPerSecond, 0)} req/s × ${round(r.bytesPerRequest / 1024)} KiB, p50 ${r.latencyMs.p50} / p99 ${r.latencyMs.p99} ms; wrk ${r.generator.cores} core, server ${r.server.cores} (${r.server.requestsPerCpuSecond ?? "—"} req/CPU-s)` +
      (problemCount(r) ? `; errors ${JSON.stringify(r.errors)}` : "");
    const info: Target[] = [
      ...Object.entries(loads?.calibration ?? {}).map(([connections, r]) => ({
        name: `Calibration: wrk → nginx, ${r.bytesPerRequest} B @${connections}`,
        value: loadLine(r),
        target: "—",
        pass: null,
      })),
      ...Object.entries(loads?.compared ?? {}).flatMap(([name, runs]) =>
        runs.flatMap((c) => [
          ...(c.nginx
            ? [{ name: `nginx, ${name} bytes @${c.connections}`, value: loadLine(c.nginx), target: "—", pass: null }]
            : []),
          {
            name: `${name} @${c.connections}`,
            value: `${loadLine(c.app)}${c.rpsRatio !== null ? ` → ${c.rpsRatio}× nginx req/s, ${c.p99Ratio}× p99, ${c.cpuRatio ?? "—"}× req/CPU-s` : ""}`,
            target: "—",
            pass: null,
          },
        ]),
      ),
      ...Object.entries(loads?.others ?? {}).map(([name, r]) => ({
        name: `${name} @${r.connections}`,
        value: loadLine(r),
        target: "—",
        pass: null,
      })),
      ...(several
        ? [
            ...(smallDirect
              ? [
                  {
                    name: `${SMALL_READER}, 1 instance direct @${OTHER_CONNECTIONS}`,
                    value: loadLine(smallDirect),
                    target: "—",
                    pass: null,
                  },
                ]
              : []),
            {
              name: `${SMALL_READER}, nginx → 1 instance @${OTHER_CONNECTIONS}`,
              value: loadLine(several.oneBehindNginx),
              target: "—",
              pass: null,
            },
            {
              name: `${SMALL_READER}, nginx → 3 instances @${OTHER_CONNECTIONS}`,
              value: `${loadLine(several.threeBehindNginx)} → ${round(several.threeBehindNginx.requestsPerSecond / several.oneBehindNginx.requestsPerSecond, 2)}× the 1-instance req/s`,
              target: "—",
              pass: null,
            },
            {
              name: "Peak memory per instance (VmHWM, 3 instances)",
              value: several.peakMiBPerInstance.map((mib) => `${mib} MiB`).join(", "),
              target: "—",
              pass: null,
            },
          ]
        : []),
      ...(fanout instanceof Error
        ? []
        : [
            {
              name: "Event streams: memory per open stream",
              value: `${fanout.kibPerStream} KiB (app resident memory growth while ${FANOUT_SUBSCRIBERS} opened); per round max ${fanout.roundMaxMs.join(", ")} ms; ${fanout.refusedOpens} opens refused (503) and retried`,
              target: "—",
              pass: null,
            },
          ]),
      ...Object.entries(queryCounts).map(([name, c]) => ({
        name: `SQL: ${name}`,
        value: `${c.miss} on a miss (${c.missMs} ms), ${c.warm} warm`,
        target: "—",
        pass: null,
      })),
      {
        name: "Reader page HTML",
        value: `${round(readerHtml.length / 1024)} KiB, ${round(readerPayload / 1024)} KiB of it inline React (RSC) payload`,
        target: "—",
        pass: null,
      },
      {
        name: "Home page HTML",
        value: `${round(homeHtml.length / 1024)} KiB, ${round(homePayload / 1024)} KiB of it inline React (RSC) payload`,
        target: "—",
        pass: null,
      },
      {
        name: "Peak server memory (VmHWM, tree)",
        value: `${peak.peakMiB} MiB over ${peak.processes} process(es)`,
        target: "—",
        pass: null,
      },
      {
        name: "Machine load average (1/5/15 min)",
        value: `${loadAverageBefore.map((v) => v.toFixed(2)).join(" ")} before the load rows, ${loadAverageAfter.map((v) => v.toFixed(2)).join(" ")} after`,
        target: "—",
        pass: null,
      },
    ];

    const width = Math.max(...[...results, ...info].map((r) => r.name.length));
    const valueWidth = Math.max(...[...results, ...info].map((r) => r.value.length));
    console.log(
      `\nParley benchmark — ${quick ? "quick" : "full"} run, ${os.cpus().length} CPU(s), Next.js ${nextVersion()}, load by wrk (${load.threads} thread) at ${LOAD_CONNECTIONS.join("/")} connections × ${load.seconds} s\n`,
    );
    console.log(`${"Measure".padEnd(width)}  ${"Result".padEnd(valueWidth)}  ${"Target".padEnd(12)}  Verdict`);
    console.log(`${"-".repeat(width)}  ${"-".repeat(valueWidth)}  ${"-".repeat(12)}  -------`);
    for (const row of results)
      console.log(
        `${row.name.padEnd(width)}  ${row.value.padEnd(valueWidth)}  ${row.target.padEnd(12)}  ${verdict(row.pass)}`,
      );
    console.log("");
    for (const row of info) console.log(`${row.name.padEnd(width)}  ${row.value}`);
    for (const note of [...tools.notes, ...(loads?.warnings ?? [])]) console.log(`WARNING: ${note}`);

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
      load: { ...load, connectionCounts: LOAD_CONNECTIONS, otherConnections: OTHER_CONNECTIONS },
      loadAverage: { beforeLoad: loadAverageBefore, after: loadAverageAfter },
      tools: {
        ...tools,
        wrkVersion: tools.wrk ? commandVersion(tools.wrk, ["-v"]) : null,
        nginxVersion: tools.nginx ? commandVersion(tools.nginx, ["-v"]) : null,
      },
      targets: results,
      calibration: loads?.calibration ?? null,
      ratios: Object.fromEntries(
        Object.entries(loads?.compared ?? {}).map(([name, runs]) => [
          name,
          runs.map((c) => ({
            connections: c.connections,
            rps: c.rpsRatio,
            p99: c.p99Ratio,
            requestsPerCpuSecond: c.cpuRatio,
          })),
        ]),
      ),
      loads,
      queryCounts: { ...queryCounts, constant: constantQueries },
      freshnessMs: freshness.map((v) => round(v)),
      severalInstances: several,
      fanout: fanout instanceof Error ? { error: fanout.message } : fanout,
      editorMs: {
        logDevelopment: editor.logDevelopment.map((v) => round(v)),
        updateTerms: editor.updateTerms.map((v) => round(v)),
      },
      clientJs: { reader: readerJs, emptyAppRouter: emptyApp },
      readerHtmlBytes: readerHtml.length,
      readerInlinePayloadBytes: readerPayload,
      homeHtmlBytes: homeHtml.length,
      homeInlinePayloadBytes: homePayload,
      memory: peak,
    };
    mkdirSync("bench/results", { recursive: true });
    const file = path.join(
      "bench/results",
      `${startedAt.toISOString().replace(/[:.]/g, "-")}${quick ? "-quick" : ""}.json`,
    );
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    const judged = results.filter((r) => r.pass !== null);
    console.log(
      `\n${judged.filter((r) => r.pass).length}/${judged.length} targets met${judged.length < results.length ? ` (${results.length - judged.length} skipped)` : ""}. Results: ${file}`,
    );
  } finally {
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
