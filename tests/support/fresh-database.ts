import pg from "pg";
import { inject } from "vitest";
import { databaseUrl } from "./urls";

let counter = 0;

/** An empty database on the run's server, named after the test's label; returns its URL. */
export async function freshDatabase(label: string): Promise<string> {
  const name = `parley_${label}_${inject("runId")}_${process.pid}_${++counter}`;
  const client = new pg.Client({ connectionString: inject("adminUrl") });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return databaseUrl(inject("adminUrl"), name);
}
