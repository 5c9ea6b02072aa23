// Event-stream fan-out on its own (`npm run bench` has it as a row): N readers hold
// GET /api/v1/negotiations/<slug>/events open on one production instance, from a separate
// process (bench/fanout-client.ts); a change is announced through PostgreSQL (the NOTIFY a staff
// write sends), and the delay until every reader has its event is measured, over several rounds.
// Usage: npx tsx --conditions=react-server bench/event-fanout.ts [--subscribers 2000] [--rounds 5]
import { parseArgs } from "node:util";
import pg from "pg";
import { ensureProductionBuild, startStack } from "@/tests/harness/stack";
import { measureFanout } from "./several-instances";

const { values } = parseArgs({
  options: { subscribers: { type: "string", default: "2000" }, rounds: { type: "string", default: "5" } },
});
const subscribers = Number(values.subscribers);
const rounds = Number(values.rounds);

ensureProductionBuild();
const stack = await startStack({ env: { PARLEY_EVENT_STREAMS_MAX: String(subscribers) } });
try {
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ id: string; slug: string }>(
    `SELECT id, slug FROM "Negotiation" WHERE publication = 'PUBLISHED' ORDER BY slug LIMIT 1`,
  );
  await client.end();
  const result = await measureFanout({ stack, slug: rows[0]!.slug, negotiationId: rows[0]!.id, subscribers, rounds });
  console.log(
    `event fan-out: ${subscribers} subscribers on one instance, ${rounds} announcements: p50 ${result.p50Ms} ms, ` +
      `p99 ${result.p99Ms} ms, max ${result.maxMs} ms (per round: ${result.roundMaxMs.join(", ")} ms); ` +
      `${result.kibPerStream} KiB of app memory per open stream; subscribers' process used ${result.generatorCores} core`,
  );
} finally {
  await stack.stop();
}
process.exit(0);
