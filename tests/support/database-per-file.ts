// Each integration test file gets its own database, copied from the migrated
// template, so files run in parallel without seeing each other's rows.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { databaseUrl } from "./urls";

const adminUrl = inject("adminUrl");
const database = `parley_t_${inject("runId")}_${randomBytes(4).toString("hex")}`;

await runAdmin(`CREATE DATABASE "${database}" TEMPLATE "${inject("templateDatabase")}"`);
process.env.DATABASE_URL = databaseUrl(adminUrl, database);

afterAll(async () => {
  await disconnectDb();
  await runAdmin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
});

async function runAdmin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export { adminUrl };
