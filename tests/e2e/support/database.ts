import pg from "pg";
import { embeddedUrl, findRunningCluster } from "@/lib/db/embedded";
import { E2E_DATA_DIR } from "../fixtures";

/** A connection to the database of the app under test (its embedded PostgreSQL). */
export async function withE2eDatabase<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const running = findRunningCluster(E2E_DATA_DIR);
  if (!running?.port) throw new Error(`The e2e database in ${E2E_DATA_DIR} is not running; start the app first.`);
  const client = new pg.Client({ connectionString: embeddedUrl(running.port, "parley") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
