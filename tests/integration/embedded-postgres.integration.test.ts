import { readFileSync } from "node:fs";
import { chmod, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseUnavailableError } from "@/lib/db/connection";
import {
  EmbeddedDatabaseInUseError,
  findRunningCluster,
  startEmbeddedPostgres,
  type EmbeddedCluster,
} from "@/lib/db/embedded";
import { superviseEmbeddedPostgres } from "@/lib/db/embedded-supervisor";
import { diagnoseStartFailure } from "@/lib/db/embedded-log";
import { checkConnection } from "@/lib/db/resolve";

const started: EmbeddedCluster[] = [];

/** A fresh data folder that the `postgres` system user can reach when tests run as root. */
async function freshDataDir(): Promise<string> {
  const parent = await mkdtemp(path.join(os.tmpdir(), "parley-embedded-"));
  await chmod(parent, 0o755);
  return path.join(parent, "postgres");
}
afterAll(async () => {
  for (const cluster of started) await cluster.stop().catch(() => undefined);
});

async function sql(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  it("keeps data across a stop and a restart", async () => {
    const dataDir = await freshDataDir();
    const first = await startEmbeddedPostgres({ dataDir, port: 0, databases: ["parley"] });
    started.push(first);
    await sql(first.urlFor("parley"), "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
    await first.stop();
    expect(findRunningCluster(dataDir)).toBeNull();

    const second = await startEmbeddedPostgres({ dataDir, port: 0, databases: ["parley"] });
    started.push(second);
    const rows = await sql(second.urlFor("parley"), "SELECT note FROM kept");
    expect(rows.rows).toEqual([{ note: "still here" }]);
  });

  it("refuses a second copy on the same data folder, naming the folder and the process", async () => {
    const dataDir = await freshDataDir();
    const owner = await startEmbeddedPostgres({ dataDir, port: 0 });
    started.push(owner);
    const error = await startEmbeddedPostgres({ dataDir, port: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddedDatabaseInUseError);
    expect((error as Error).message).toContain(dataDir);
    expect((error as Error).message).toMatch(/already in use by another process \(pid \d+, port \d+\)/);
    // The owner is untouched.
    await expect(sql(owner.urlFor("postgres"), "SELECT 1 AS ok")).resolves.toMatchObject({ rows: [{ ok: 1 }] });
  });

  it("starts despite a stale lock file left by a crashed copy", async () => {
    const dataDir = await freshDataDir();
    const cluster = await startEmbeddedPostgres({ dataDir, port: 0 });
    await cluster.stop();
    // A pid that cannot be alive: above the kernel's pid limit.
    await writeFile(path.join(dataDir, "postmaster.pid"), `99999999\n${dataDir}\n0\n5432\n`);
    expect(findRunningCluster(dataDir)).toBeNull();
    const restarted = await startEmbeddedPostgres({ dataDir, port: 0 });
    started.push(restarted);
    await expect(sql(restarted.urlFor("postgres"), "SELECT 1 AS ok")).resolves.toMatchObject({ rows: [{ ok: 1 }] });
  });
});

describe("the supervised embedded PostgreSQL", () => {
  it("keeps PostgreSQL's own log in the data folder and restarts it after kill -9, saying so", async () => {
    const dataDir = await freshDataDir();
    const cluster = await startEmbeddedPostgres({ dataDir, port: 0, databases: ["parley"] });
    started.push(cluster);
    await sql(cluster.urlFor("parley"), "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('survives')");
    expect(readFileSync(path.join(dataDir, "parley-postgres.log"), "utf8")).toMatch(/ready to accept connections/);

    const lines: string[] = [];
    const back = new Promise<void>((resolve) => {
      superviseEmbeddedPostgres(cluster, (line) => {
        lines.push(line);
        if (/is back/.test(line)) resolve();
      });
    });
    const killed = cluster.pid()!;
    process.kill(killed, "SIGKILL");
    await back;
    expect(lines[0]).toMatch(
      new RegExp(`embedded PostgreSQL \\(pid ${killed}\\) stopped unexpectedly \\(killed by SIGKILL\\); restarting it`),
    );
    expect(lines.some((line) => line.includes("postgres| ") && /ready to accept connections/.test(line))).toBe(true);
    expect(lines.at(-1)).toMatch(/embedded PostgreSQL is back \(pid \d+, port \d+\) after [\d.]+ s, attempt \d+/);
    expect(cluster.pid()).not.toBe(killed);
    const rows = await sql(cluster.urlFor("parley"), "SELECT note FROM kept");
    expect(rows.rows).toEqual([{ note: "survives" }]);
  });

  it("says what to do when PostgreSQL cannot start for a reason waiting will not fix", () => {
    const full = diagnoseStartFailure(
      ['PANIC:  could not write to file "pg_wal/xlogtemp.123": No space left on device'],
      "/srv/parley",
    );
    expect(full?.cause).toMatch(/disk holding \/srv\/parley is full/);
    expect(full?.advice).toMatch(/Free space/);
    const damaged = diagnoseStartFailure(["PANIC:  could not locate a valid checkpoint record"], "/srv/parley");
    expect(damaged?.advice).toMatch(/db:restore/);
    expect(diagnoseStartFailure(["LOG:  database system is shut down"], "/srv/parley")).toBeNull();
  });
});

it.runIf(process.getuid?.() === 0)("explains when the postgres system user cannot reach the data folder", async () => {
  const closed = await mkdtemp(path.join(os.tmpdir(), "parley-closed-"));
  await chmod(closed, 0o700);
  await expect(startEmbeddedPostgres({ dataDir: path.join(closed, "postgres"), port: 0 })).rejects.toThrow(
    new RegExp(`cannot enter ${closed}.*chmod o\\+x`),
  );
});

describe("connection errors", () => {
  it("names the host and port of an unreachable server in one line", async () => {
    const error = await checkConnection("postgresql://user:secret@127.0.0.1:1/parley").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    const message = (error as Error).message;
    expect(message).toContain("127.0.0.1:1/parley");
    expect(message).toContain("connection refused");
    expect(message).not.toContain("secret");
    expect(message).not.toContain("\n");
  });

  it("explains a wrong password and a missing database", async () => {
    const admin = new URL(process.env.DATABASE_URL!);
    admin.password = "wrong";
    await expect(checkConnection(admin.toString())).rejects.toThrow(/refused the user name or password/);
    const missing = new URL(process.env.DATABASE_URL!);
    missing.pathname = "/no_such_database";
    await expect(checkConnection(missing.toString())).rejects.toThrow(/has no such database/);
  });

  it("rejects a DATABASE_URL that is not a postgres URL", async () => {
    await expect(checkConnection("mysql://localhost/db")).rejects.toThrow(/must start with postgresql:\/\//);
    await expect(checkConnection("not a url")).rejects.toThrow(/not a valid URL/);
  });
});
