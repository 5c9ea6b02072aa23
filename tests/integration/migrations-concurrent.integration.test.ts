import pg from "pg";
import { expect, it } from "vitest";
import { applyMigrations, listMigrationNames, MIGRATION_LOCK_KEY } from "@/lib/db/migrations";
import { freshDatabase } from "../support/fresh-database";

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

it("lets several instances start at once: each migration is applied exactly once", async () => {
  const url = await freshDatabase("concurrent_boot");
  const results = await Promise.all([applyMigrations(url), applyMigrations(url), applyMigrations(url)]);
  const names = await listMigrationNames();
  // One instance applied everything; the others waited their turn and found nothing pending.
  expect(results.map((applied) => applied.length).sort()).toEqual([0, 0, names.length]);
  const client = await connect(url);
  try {
    const rows = await client.query("SELECT migration_name FROM _prisma_migrations ORDER BY migration_name");
    expect(rows.rows.map((row) => row.migration_name)).toEqual(names);
  } finally {
    await client.end();
  }
});

it("waits, without a time limit, while another instance holds the migration lock", async () => {
  // Prisma's engine takes its own lock but gives up after 10 s; a long migration on one instance
  // must not make the others fail to start, so Parley's lock waits as long as it takes.
  const url = await freshDatabase("lock_wait");
  const holder = await connect(url);
  try {
    await holder.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    const migrating = applyMigrations(url);
    // The event to wait for: PostgreSQL reports the second session queued on the lock.
    for (;;) {
      const waiting = await holder.query(
        "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
      );
      if (waiting.rows[0].n > 0) break;
    }
    const table = await holder.query("SELECT to_regclass('_prisma_migrations') AS t");
    expect(table.rows[0].t).toBeNull();
    await holder.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    expect(await migrating).toEqual(await listMigrationNames());
    // Released once done: a later start or a release step is not blocked.
    expect((await holder.query("SELECT pg_try_advisory_lock($1) AS got", [MIGRATION_LOCK_KEY])).rows[0].got).toBe(true);
  } finally {
    await holder.end();
  }
});
