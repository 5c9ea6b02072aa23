import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import {
  MIGRATIONS_DIR,
  MigrationFailedError,
  SCHEMA_PATH,
  applyMigrations,
  diffSchemas,
  isEmptyMigration,
  listMigrationNames,
  pendingMigrations,
} from "@/lib/db/migrations";
import { prismaShapedSnapshot } from "../support/schema-snapshot";
import { freshDatabase } from "../support/fresh-database";

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  it("records every migration folder in Prisma's _prisma_migrations table", async () => {
    const names = await listMigrationNames();
    expect(names.length).toBeGreaterThan(0);
    const rows = await query(
      process.env.DATABASE_URL!,
      "SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(rows.rows.map((r) => r.migration_name)).toEqual(names);
    expect(rows.rows.every((r) => r.finished_at !== null && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
  });

  it("applies nothing the second time", async () => {
    expect(await applyMigrations(process.env.DATABASE_URL!)).toEqual([]);
  });

  it("lists pending migrations for PARLEY_MIGRATE=0 start-ups: none when migrated, all on an empty database", async () => {
    expect(await pendingMigrations(process.env.DATABASE_URL!)).toEqual([]);
    expect(await pendingMigrations(await freshDatabase("pending"))).toEqual(await listMigrationNames());
  });

  it("has no drift: migrations build the same structure as schema.prisma", async () => {
    const fromSchemaUrl = await freshDatabase("drift");
    const script = await diffSchemas(fromSchemaUrl, null, await readFile(SCHEMA_PATH, "utf8"));
    await query(fromSchemaUrl, script);
    const expected = await prismaShapedSnapshot(fromSchemaUrl);
    const actual = await prismaShapedSnapshot(process.env.DATABASE_URL!);
    expect(actual).toEqual(expected);
  });

  it("keeps the migrated-schema snapshot in step with the migrations", async () => {
    const url = await freshDatabase("snapshot");
    const snapshot = await readFile(path.join(MIGRATIONS_DIR, "schema.migrated.prisma"), "utf8");
    const current = await readFile(SCHEMA_PATH, "utf8");
    // The next `db:migration:new` diffs from the snapshot; it must describe what the migrations build.
    expect(isEmptyMigration(await diffSchemas(url, snapshot, current))).toBe(true);
  });

  it("detects a schema change that has no migration", async () => {
    const url = await freshDatabase("change");
    const changed = (await readFile(SCHEMA_PATH, "utf8")).replace("model Actor {", "model Actor {\n  nickname String?");
    const sql = await diffSchemas(url, await readFile(SCHEMA_PATH, "utf8"), changed);
    expect(sql).toContain('ALTER TABLE "Actor" ADD COLUMN     "nickname" TEXT');
  });

  it("stops a failing migration with its name and the SQL error, applying none of it", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "parley-bad-migrations-"));
    await writeFile(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
    await mkdir(path.join(dir, "20260101000000_good"));
    await writeFile(
      path.join(dir, "20260101000000_good", "migration.sql"),
      'CREATE TABLE "Fine" ("id" INT PRIMARY KEY);\n',
    );
    await mkdir(path.join(dir, "20260102000000_broken"));
    await writeFile(
      path.join(dir, "20260102000000_broken", "migration.sql"),
      '-- a comment; with a semicolon\nCREATE TABLE "Half" ("id" INT);\nALTER TABLE "Missing" ADD COLUMN "x" INT;\n',
    );
    const url = await freshDatabase("broken");
    const failure = await applyMigrations(url, dir).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationFailedError);
    expect(String((failure as Error).message)).toContain("20260102000000_broken");
    expect(String((failure as Error).message)).toMatch(/^Migration 20260102000000_broken failed: .*Missing/s);
    const tables = await query(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(["Fine", "_prisma_migrations"]);
  });
});
