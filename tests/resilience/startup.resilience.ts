// `npm start` while PostgreSQL is down: it says once that it is waiting for
// the server, keeps retrying, and comes up (migrate, seed, Next.js) when the
// database does. A misconfigured URL still fails at once, with one clear line.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabaseIfMissing, startEmbeddedPostgres, type EmbeddedCluster } from "@/lib/db/embedded";
import { freePort, STACK_SECRET, waitForHttp } from "@/tests/harness/stack";
import { recordCounts } from "./support";

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };
const children: ChildProcess[] = [];
let cluster: EmbeddedCluster | undefined;
let dataDir: string | undefined;

/** `npm start`'s own command (scripts/serve.ts under tsx), in its own process group. */
function serve(databaseUrl: string, port: number): Started {
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(
    path.resolve("node_modules/.bin/tsx"),
    // As `npm start` runs it: the in-process job worker loads the server-only data layer.
    ["--conditions=react-server", "scripts/serve.ts", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: STACK_SECRET,
        NEXTAUTH_URL: baseUrl,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
  children.push(child);
  const chunks: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => chunks.join(""), exited };
}

async function waitForOutput(started: Started, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(started.output())) {
    if (Date.now() > deadline) throw new Error(`No ${pattern} within ${timeoutMs} ms; output:\n${started.output()}`);
    if (started.child.exitCode !== null)
      throw new Error(`serve.ts exited (${started.child.exitCode}) before ${pattern}; output:\n${started.output()}`);
    await sleep(200);
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  const killer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 15_000);
  await exited;
  clearTimeout(killer);
}

afterAll(async () => {
  for (const child of children) await stopChild(child).catch(() => undefined);
  await cluster?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("starting the app while PostgreSQL is down", () => {
  it("reports that it waits for the server, keeps retrying, and comes up when the database does", async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "parley-startup-pg-"));
    cluster = await startEmbeddedPostgres({ dataDir, port: 0, persistent: true });
    const databasePort = cluster.port;
    await createDatabaseIfMissing(cluster.urlFor("postgres"), "parley");
    const databaseUrl = cluster.urlFor("parley");
    await cluster.stop();
    cluster = undefined;

    const port = await freePort();
    const app = serve(databaseUrl, port);
    const waiting = new RegExp(`parley: waiting for PostgreSQL at 127\\.0\\.0\\.1:${databasePort}/parley…`);
    await waitForOutput(app, waiting, 60_000);
    // It keeps waiting quietly rather than exiting or repeating itself every retry.
    await sleep(5_000);
    expect(app.child.exitCode).toBeNull();
    expect(app.output().match(new RegExp(waiting.source, "g"))).toHaveLength(1);
    expect(app.output()).not.toMatch(/password|parley-local/);
    await expect(fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();

    cluster = await startEmbeddedPostgres({ dataDir, port: databasePort, persistent: true });
    expect(cluster.port).toBe(databasePort);
    await waitForHttp(`http://127.0.0.1:${port}/`, 180_000).catch((error) => {
      throw new Error(`${(error as Error).message}\n--- serve.ts output ---\n${app.output()}`);
    });
    expect(app.output()).toMatch(/parley: PostgreSQL at 127\.0\.0\.1:\d+\/parley is up after \d+ s/);
    const home = await fetch(`http://127.0.0.1:${port}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toMatch(/Sweida/);
    console.log(`start-up: waited for PostgreSQL, then migrated, seeded and served on port ${port}`);
    recordCounts({ faults: 1 });
    await stopChild(app.child);
  });

  it("still fails at once, in one line, when the server is up but the database does not exist", async () => {
    expect(cluster, "the previous test leaves PostgreSQL running").toBeDefined();
    const app = serve(cluster!.urlFor("no_such_database"), await freePort());
    const code = await Promise.race([app.exited, sleep(60_000).then(() => "still running")]);
    expect(code).toBe(1);
    expect(app.output()).toMatch(/parley: PostgreSQL at 127\.0\.0\.1:\d+\/no_such_database has no such database/);
    expect(app.output()).not.toMatch(/waiting for PostgreSQL/);
  });
});
