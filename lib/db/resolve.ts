// Decides which PostgreSQL a command uses: DATABASE_URL when set, otherwise the
// embedded cluster (reusing it when the app already runs it).
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { env } from "@/lib/env";
import {
  assertPostgresUrl,
  describeDatabaseUrl,
  explainConnectionError,
  findErrorCode,
  isTransientConnectionError,
} from "./connection";
import { createDatabaseIfMissing, embeddedUrl, findRunningCluster, startEmbeddedPostgres } from "./embedded";

export const EMBEDDED_DATABASE = "parley";

export function embeddedDataDir(): string {
  return path.resolve(env().PARLEY_DATA_DIR);
}

/** One connection and a trivial query; throws the driver's own error. */
async function connectOnce(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Fails with one clear line when the server cannot be used. */
export async function checkConnection(url: string): Promise<void> {
  assertPostgresUrl(url);
  await connectOnce(url).catch((error: unknown) => {
    throw explainConnectionError(error, url);
  });
}

/**
 * Like checkConnection, but keeps retrying while the server is down or
 * starting up (a database container coming up after the app, a restart):
 * says so once, then every 30 s. Misconfiguration (password, database name,
 * bad URL) still fails at once.
 */
export async function waitForConnection(url: string, log: (line: string) => void, intervalMs = 2000): Promise<void> {
  assertPostgresUrl(url);
  const started = Date.now();
  let lastReport = 0;
  for (;;) {
    try {
      await connectOnce(url);
      if (lastReport > 0)
        log(`PostgreSQL at ${describeDatabaseUrl(url)} is up after ${Math.round((Date.now() - started) / 1000)} s`);
      return;
    } catch (error) {
      if (!isTransientConnectionError(error)) throw explainConnectionError(error, url);
      if (lastReport === 0 || Date.now() - lastReport >= 30_000) {
        const code = findErrorCode(error);
        log(
          `waiting for PostgreSQL at ${describeDatabaseUrl(url)}… (${code === "ECONNREFUSED" ? "connection refused" : code}; retrying every ${intervalMs / 1000} s, Ctrl-C to stop)`,
        );
        lastReport = Date.now();
      }
    }
    await sleep(intervalMs);
  }
}

export type ResolvedDatabase = { url: string; embedded: boolean; release(): Promise<void> };

/**
 * For one-off commands (migrate, seed): uses DATABASE_URL, else the running
 * embedded cluster, else starts it for the duration of the command.
 */
export async function resolveDatabase(): Promise<ResolvedDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    await checkConnection(configured);
    return { url: configured, embedded: false, release: async () => undefined };
  }
  const dataDir = embeddedDataDir();
  const running = findRunningCluster(dataDir);
  if (running?.port) {
    const url = embeddedUrl(running.port, EMBEDDED_DATABASE);
    await checkConnection(url);
    return { url, embedded: true, release: async () => undefined };
  }
  const cluster = await startEmbeddedPostgres({ dataDir });
  await createDatabaseIfMissing(cluster.urlFor("postgres"), EMBEDDED_DATABASE);
  return { url: cluster.urlFor(EMBEDDED_DATABASE), embedded: true, release: () => cluster.stop() };
}
