// A whole Parley stack for the benchmark and the security and resilience
// suites: the production build, served by `npm start`'s server
// (scripts/app-server.ts: Next.js behind the public-page cache) on its own embedded
// PostgreSQL in a throwaway folder, with staff accounts to sign in with.
// Run under tsx (or vitest), like the scripts: no server-only module is imported.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { anyFreePort, createDatabaseIfMissing, startEmbeddedPostgres, type EmbeddedCluster } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations";
import { installJobQueue } from "@/lib/jobs/boss";
import { withPrismaClient } from "@/lib/db/prisma";
import { insertStaffUser } from "@/lib/data/internal/staff-accounts";
import { runSeed } from "@/seeds/run";

export const STACK_PASSWORD = "stack-password-not-for-production";
export const STACK_SECRET = "stack-only-secret-not-for-production-0123456789";

export type StaffCredentials = { email: string; password: string };

export type StackOptions = {
  /** Seed the Sweida case (default true). */
  seed?: boolean;
  /** Filled in before the app starts, with DATABASE_URL pointing at the stack's database. */
  prepare?: (databaseUrl: string) => Promise<void>;
  /** Extra environment for the app server. */
  env?: Record<string, string>;
  log?: (line: string) => void;
};

export type AppProcess = { child: ChildProcess; output: string[]; stop(): Promise<void> };

export type Stack = {
  baseUrl: string;
  port: number;
  databaseUrl: string;
  dataDir: string;
  staff: { journalist: StaffCredentials; admin: StaffCredentials };
  app(): AppProcess;
  /** Stops the app server (SIGTERM, then SIGKILL after 10 s). */
  stopApp(): Promise<void>;
  startApp(): Promise<void>;
  /** Stops PostgreSQL (fast shutdown) while the app keeps running. */
  stopDatabase(): Promise<void>;
  /** Starts PostgreSQL again on the same port and folder. */
  startDatabase(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * `npm run build`, unless PARLEY_REUSE_BUILD=1 and a build exists (CI builds
 * once for the browser tests and reuses it).
 */
export function ensureProductionBuild(log: (line: string) => void = console.log): void {
  if (process.env.PARLEY_REUSE_BUILD === "1" && existsSync(".next/BUILD_ID")) {
    log("stack: reusing the existing production build (PARLEY_REUSE_BUILD=1)");
    return;
  }
  log("stack: building the production app (npm run build)…");
  const result = spawnSync("npm", ["run", "build"], { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}

export { anyFreePort as freePort };

/** Resolves once the app answers on / (any status below 500), or fails after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(200);
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms (${last})`);
}

/**
 * The production app server (`npm start`'s scripts/app-server.ts) on
 * 127.0.0.1:`port`, resolved once it answers; its output is kept for errors.
 */
export async function launchAppServer(options: {
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
}): Promise<AppProcess> {
  const output: string[] = [];
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.resolve("scripts/app-server.ts"), "-p", String(options.port), "-H", "127.0.0.1"],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: options.databaseUrl,
        NEXTAUTH_SECRET: STACK_SECRET,
        NEXTAUTH_URL: `http://127.0.0.1:${options.port}`,
        NEXT_TELEMETRY_DISABLED: "1",
        ...options.env,
      },
    },
  );
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString("utf8"));
    if (output.length > 2_000) output.splice(0, output.length - 2_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  // SIGTERM lets it finish requests in flight; SIGKILL after 10 s.
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(killer);
  };
  try {
    await waitForHttp(`http://127.0.0.1:${options.port}/`);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- app output ---\n${output.join("")}`);
  }
  return { child, output, stop };
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = options.log ?? (() => undefined);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "parley-stack-pg-"));
  let cluster: EmbeddedCluster | undefined = await startEmbeddedPostgres({ dataDir, port: 0, persistent: true });
  const databasePort = cluster.port;
  await createDatabaseIfMissing(cluster.urlFor("postgres"), "parley");
  const databaseUrl = cluster.urlFor("parley");
  log(`stack: PostgreSQL on 127.0.0.1:${databasePort} (${dataDir})`);

  await applyMigrations(databaseUrl);
  await installJobQueue(databaseUrl);
  const previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  const suffix = Math.random().toString(36).slice(2, 8);
  const staff = {
    journalist: { email: `journalist-${suffix}@stack.test`, password: STACK_PASSWORD },
    admin: { email: `admin-${suffix}@stack.test`, password: STACK_PASSWORD },
  };
  try {
    await withPrismaClient(databaseUrl, async (prisma) => {
      if (options.seed ?? true) await runSeed(prisma, { includeDevelopmentStaff: false });
      await insertStaffUser(prisma, { ...staff.journalist, name: "Stack Journalist", role: "JOURNALIST" }, null);
      await insertStaffUser(prisma, { ...staff.admin, name: "Stack Admin", role: "ADMIN" }, null);
    });
    await options.prepare?.(databaseUrl);
  } finally {
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
  }

  // unstable_cache entries on disk outlive the throwaway database they came from.
  await rm(".next/cache/fetch-cache", { recursive: true, force: true });
  const port = await anyFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let current: AppProcess | undefined;

  const startApp = async () => {
    current = await launchAppServer({ port, databaseUrl, env: { NEXTAUTH_URL: baseUrl, ...options.env } });
    log(`stack: app on ${baseUrl} (pid ${current.child.pid})`);
  };
  const stopApp = async () => {
    await current?.stop();
  };

  const stopDatabase = async () => {
    await cluster?.stop();
    cluster = undefined;
  };
  const startDatabase = async () => {
    if (cluster) return;
    cluster = await startEmbeddedPostgres({ dataDir, port: databasePort, persistent: true });
    if (cluster.port !== databasePort)
      throw new Error(`PostgreSQL came back on port ${cluster.port}, not ${databasePort}`);
  };

  try {
    await startApp();
  } catch (error) {
    await stopDatabase();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }

  return {
    baseUrl,
    port,
    databaseUrl,
    dataDir,
    staff,
    app: () => {
      if (!current) throw new Error("The app is not running");
      return current;
    },
    startApp,
    stopApp,
    stopDatabase,
    startDatabase,
    stop: async () => {
      await stopApp();
      await stopDatabase();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
