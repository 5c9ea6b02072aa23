// Event-stream fan-out: N readers hold GET /api/v1/negotiations/<slug>/events open on one
// production instance; a change is announced through PostgreSQL (the NOTIFY a staff write
// sends), and the delay until every reader has its event is measured, over several rounds.
// Usage: npx tsx --conditions=react-server bench/event-fanout.ts [--subscribers 2000] [--rounds 5]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { CHANGE_CHANNEL } from "@/lib/server/change-feed";
import { ensureProductionBuild, startStack } from "@/tests/harness/stack";

const { values } = parseArgs({
  options: { subscribers: { type: "string", default: "2000" }, rounds: { type: "string", default: "5" } },
});
const subscribers = Number(values.subscribers);
const rounds = Number(values.rounds);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
const rssMb = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024;

ensureProductionBuild();
const stack = await startStack({ env: { PARLEY_EVENT_STREAMS_MAX: String(subscribers) } });
const client = new pg.Client({ connectionString: stack.databaseUrl });
await client.connect();
try {
  const { rows } = await client.query<{ id: string; slug: string }>(
    `SELECT id, slug FROM "Negotiation" WHERE publication = 'PUBLISHED' ORDER BY slug LIMIT 1`,
  );
  const negotiation = rows[0]!;
  const url = `${stack.baseUrl}/api/v1/negotiations/${negotiation.slug}/events`;
  let waiting: ((at: number) => void)[] = [];
  const open = async (index: number) => {
    // Node's fetch opens as many connections per origin as asked for (no per-host limit).
    const response = await fetch(url);
    if (response.status !== 200) throw new Error(`subscriber ${index}: HTTP ${response.status}`);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    await reader.read(); // retry:
    void (async () => {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        if (decoder.decode(chunk.value).includes("event: change")) waiting[index]?.(performance.now());
      }
    })().catch(() => undefined);
    return reader;
  };
  // Opened 100 at a time: thousands of simultaneous connects overflow the listen backlog.
  const readers: ReadableStreamDefaultReader<Uint8Array>[] = [];
  for (let batch = 0; batch < subscribers; batch += 100)
    readers.push(
      ...(await Promise.all(Array.from({ length: Math.min(100, subscribers - batch) }, (_, k) => open(batch + k)))),
    );
  const delays: number[] = [];
  const roundMax: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const arrivals = Promise.all(
      readers.map((_, index) => new Promise<number>((resolve) => (waiting[index] = resolve))),
    );
    const sentAt = performance.now();
    await client.query(
      `SELECT pg_notify($1, json_build_object('negotiationId', $2::text, 'id', ((extract(epoch FROM clock_timestamp()) * 1000000)::bigint)::text)::text)`,
      [CHANGE_CHANNEL, negotiation.id],
    );
    const times = (await arrivals).map((at) => at - sentAt);
    waiting = [];
    delays.push(...times);
    roundMax.push(Math.max(...times));
  }
  delays.sort((a, b) => a - b);
  console.log(
    `event fan-out: ${subscribers} subscribers on one instance, ${rounds} announcements: ` +
      `p50 ${percentile(delays, 0.5).toFixed(0)} ms, p99 ${percentile(delays, 0.99).toFixed(0)} ms, ` +
      `max ${delays.at(-1)!.toFixed(0)} ms (per round: ${roundMax.map((m) => m.toFixed(0)).join(", ")} ms); ` +
      `app peak memory ${rssMb(stack.app().child.pid!).toFixed(0)} MB`,
  );
  await Promise.all(readers.map((reader) => reader.cancel().catch(() => undefined)));
} finally {
  await client.end();
  await stack.stop();
}
process.exit(0);
