// One PostgreSQL per test run: embedded in a temporary folder, or the server
// named by TEST_DATABASE_URL (a URL whose user may CREATE DATABASE). Migrations
// are applied once to a template database that each test file copies.
import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedCluster } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations";
import { installJobQueue } from "@/lib/jobs/boss";
import { databaseUrl } from "./urls";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
    runId: string;
  }
}

export default async function setup(project: TestProject) {
  let cluster: EmbeddedCluster | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "parley-test-pg-"));
    cluster = await startEmbeddedPostgres({ dataDir, port: 0, persistent: false });
    adminUrl = cluster.urlFor("postgres");
  }
  const runId = randomBytes(4).toString("hex");
  const templateDatabase = `parley_tpl_${runId}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${templateDatabase}"`);
  await applyMigrations(databaseUrl(adminUrl, templateDatabase));
  await installJobQueue(databaseUrl(adminUrl, templateDatabase));

  project.provide("adminUrl", adminUrl);
  project.provide("templateDatabase", templateDatabase);
  project.provide("runId", runId);

  return async () => {
    const leftovers = await adminQuery(
      adminUrl,
      `SELECT datname FROM pg_database WHERE datname LIKE 'parley\\_%\\_${runId}%' OR datname = '${templateDatabase}'`,
    );
    for (const row of leftovers.rows)
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    await cluster?.stop();
  };
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
