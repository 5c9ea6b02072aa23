// db:backup / db:restore with the system's pg_dump and pg_restore (Debian's
// postgresql-client; `.ci/run` installs it): a backup restored into a fresh
// database holds the same rows, byte for byte.
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase, tableFingerprints } from "@/lib/db/backup";
import { db } from "@/lib/db/client";
import { createNegotiation, createSource } from "@/seeds/factories";
import { runSeed } from "@/seeds/run";
import { adminUrl } from "../support/database-per-file";
import { createStaff } from "../support/staff";
import { databaseUrl } from "../support/urls";

let folder: string;

async function freshDatabase(name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const database = `${name}_${Math.random().toString(36).slice(2, 8)}`;
  try {
    await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  return databaseUrl(adminUrl, database);
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "parley-backup-"));
  await runSeed(db(), { includeDevelopmentStaff: false });
  await createStaff("ADMIN");
  await createSource(
    db(),
    { name: "Contact in Sweida — ‮RTL‬ and emoji 🕊️" },
    "Meets only via Signal; never name the village.",
  );
  await createNegotiation(db(), { publication: "DRAFT" });
});

describe("backup and restore", () => {
  it("restores into a fresh database with the same row counts and checksums in every table", async () => {
    const origin = process.env.DATABASE_URL!;
    const report = await backupDatabase(origin, path.join(folder, "full.dump"));
    expect(report.bytes).toBeGreaterThan(0);

    const target = await freshDatabase("parley_restore");
    await restoreDatabase(target, report.file);

    const before = await tableFingerprints(origin);
    const after = await tableFingerprints(target);
    expect(before.map((table) => table.table)).toContain("SourceConfidential");
    expect(before.find((table) => table.table === "Development")!.rows).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });

  it("keeps the restored database working: constraints and the append-only audit trigger come back", async () => {
    const target = await freshDatabase("parley_restore_rules");
    const { file } = await backupDatabase(process.env.DATABASE_URL!, path.join(folder, "rules.dump"));
    await restoreDatabase(target, file);
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      await expect(client.query(`DELETE FROM "AuditEntry"`)).rejects.toThrow(/append-only/i);
      await expect(client.query(`UPDATE "User" SET email = 'UPPER@CASE.TEST'`)).rejects.toThrow(/check constraint/i);
    } finally {
      await client.end();
    }
  });

  it("refuses to restore over data unless asked to replace it, and then replaces it", async () => {
    const origin = process.env.DATABASE_URL!;
    const { file } = await backupDatabase(origin, path.join(folder, "replace.dump"));
    const target = await freshDatabase("parley_restore_replace");
    await restoreDatabase(target, file);
    await expect(restoreDatabase(target, file)).rejects.toThrow(/already holds data.*--replace/);

    const client = new pg.Client({ connectionString: target });
    await client.connect();
    await client.query(`UPDATE "Negotiation" SET title = 'Changed after the backup'`);
    await client.end();
    await restoreDatabase(target, file, { replace: true });
    expect(await tableFingerprints(target)).toEqual(await tableFingerprints(origin));
  });

  it("applies nothing from a damaged backup and says so", async () => {
    const { file } = await backupDatabase(process.env.DATABASE_URL!, path.join(folder, "whole.dump"));
    const damaged = path.join(folder, "damaged.dump");
    const bytes = await (await import("node:fs/promises")).readFile(file);
    await writeFile(damaged, bytes.subarray(0, Math.floor(bytes.length * 0.6)));

    const target = await freshDatabase("parley_restore_damaged");
    await expect(restoreDatabase(target, damaged)).rejects.toThrow(/nothing was changed/);
    expect(await tableFingerprints(target)).toEqual([]);
  });
});
