// Applies and authors Prisma migrations with the WebAssembly schema engine.
// Folders and the `_prisma_migrations` table are exactly what `prisma migrate`
// uses, so both tools agree on the history.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import pg from "pg";
import { lastEnginePanic, openSchemaEngine } from "./schema-engine";

export const PRISMA_DIR = path.resolve("prisma");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
/** The schema as the newest migration leaves it; the base for the next diff. */
export const MIGRATED_SCHEMA_PATH = path.join(MIGRATIONS_DIR, "schema.migrated.prisma");

const noFilters = { externalTables: [], externalEnums: [] };

export class MigrationFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationFailedError";
  }
}

export async function listMigrationNames(migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  if (!existsSync(migrationsDir)) return [];
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

export async function loadMigrationList(migrationsDir = MIGRATIONS_DIR): Promise<MigrationList> {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const names = await listMigrationNames(migrationsDir);
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null,
    },
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: {
            tag: "ok" as const,
            value: await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8"),
          },
        },
      })),
    ),
    shadowDbInitScript: "",
  };
}

/**
 * Session-level advisory lock key for "Parley is migrating this database" (an arbitrary constant;
 * distinct from the key Prisma's native engine uses, so the two can never deadlock each other).
 */
export const MIGRATION_LOCK_KEY = 7_236_115_042;

/**
 * Applies pending migrations; returns the names of those it applied.
 * Several instances starting at once take turns on an advisory lock: the first applies, the others
 * then find nothing pending, so no two ever run the same migration.
 */
export async function applyMigrations(databaseUrl: string, migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  const lock = new pg.Client({ connectionString: databaseUrl, application_name: "parley-migrate-lock" });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    return await applyMigrationsUnlocked(databaseUrl, migrationsDir);
  } finally {
    // Ending the session releases the lock even if the unlock itself fails.
    await lock.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end().catch(() => undefined);
  }
}

/** Migrations in the folder that the database has not finished applying (start-up with PARLEY_MIGRATE=0). */
export async function pendingMigrations(databaseUrl: string, migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  const names = await listMigrationNames(migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query<{ t: string | null }>("SELECT to_regclass('_prisma_migrations')::text AS t");
    if (!table.rows[0]?.t) return names;
    const { rows } = await client.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    return names.filter((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}

async function applyMigrationsUnlocked(databaseUrl: string, migrationsDir: string): Promise<string[]> {
  const migrationsList = await loadMigrationList(migrationsDir);
  const session = await openSchemaEngine(databaseUrl, await readFile(SCHEMA_PATH, "utf8"));
  try {
    const { appliedMigrationNames } = await session.engine.applyMigrations({ migrationsList, filters: noFilters });
    return appliedMigrationNames;
  } catch (error) {
    throw new MigrationFailedError(describeFailedMigration(describeEngineError(error)));
  } finally {
    await session.close();
  }
}

/** The SQL that turns a database built from `fromSchema` into one built from `toSchema`. */
export async function diffSchemas(databaseUrl: string, fromSchema: string | null, toSchema: string): Promise<string> {
  const session = await openSchemaEngine(databaseUrl, toSchema);
  try {
    const result = await session.engine.diff({
      from:
        fromSchema === null
          ? { tag: "empty" }
          : { tag: "schemaDatamodel", files: [{ path: "from.prisma", content: fromSchema }] },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: toSchema }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    } as Parameters<typeof session.engine.diff>[0]);
    return result.stdout ?? "";
  } catch (error) {
    throw new MigrationFailedError(describeEngineError(error));
  } finally {
    await session.close();
  }
}

/** True when the diff script has no statements (only comments/blank lines). */
export function isEmptyMigration(sql: string): boolean {
  return sql
    .split("\n")
    .map((line) => line.trim())
    .every((line) => line === "" || line.startsWith("--"));
}

/** "Migration <name> failed: <SQL error>", without the engine's Rust backtrace. */
function describeFailedMigration(raw: string): string {
  const name = /migration_name="([^"]+)"/.exec(raw)?.[1];
  const detail = raw
    .split(/\n\s+0: /)[0]!
    .replace(/^external connector error\s*/, "")
    .trim();
  return name ? `Migration ${name} failed: ${detail}` : detail;
}

function describeEngineError(error: unknown): string {
  // A Rust panic surfaces as a bare "unreachable" trap; its message was left in the panic registry.
  if (error instanceof WebAssembly.RuntimeError && lastEnginePanic())
    return `Prisma's schema engine panicked: ${lastEnginePanic()}`;
  if (error instanceof Error) return error.message;
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message);
  return String(error);
}
