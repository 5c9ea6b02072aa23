// The event-stream subscribers of the fan-out measurement, in their own process (the load
// generator must not share a thread with the harness, whose own loop would be what is measured):
// opens N `GET …/events` streams, prints `OPEN` and waits for a line on stdin (the parent measures
// the app's memory meanwhile), then announces a change through PostgreSQL `rounds` times (the
// NOTIFY a staff write sends) and prints one JSON line: every subscriber's delay, and this
// process's own CPU use, so a saturated generator shows.
// Usage: node --import tsx bench/fanout-client.ts <events URL> <database URL> <negotiation id> <subscribers> <rounds>
import { once } from "node:events";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { CHANGE_CHANNEL } from "@/lib/server/change-feed";

const [url, databaseUrl, negotiationId, subscriberCount, roundCount] = process.argv.slice(2);
const subscribers = Number(subscriberCount);
const rounds = Number(roundCount);

let waiting: ((at: number) => void)[] = [];
/** Opens refused (a 503 from an overloaded instance: each stream's first answer reads the database) and retried. */
let refusedOpens = 0;
const open = async (index: number) => {
  // Node's fetch opens as many connections per origin as asked for (no per-host limit).
  let response = await fetch(url!);
  for (let attempt = 1; response.status === 503 && attempt < 5; attempt++) {
    refusedOpens++;
    await response.body?.cancel();
    response = await fetch(url!);
  }
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

// Opened 50 at a time: thousands of simultaneous connects overflow the listen backlog.
const readers: ReadableStreamDefaultReader<Uint8Array>[] = [];
for (let batch = 0; batch < subscribers; batch += 50)
  readers.push(
    ...(await Promise.all(Array.from({ length: Math.min(50, subscribers - batch) }, (_, k) => open(batch + k)))),
  );
process.stdout.write("OPEN\n");
process.stdin.resume();
await once(process.stdin, "data");

const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const cpuBefore = process.cpuUsage();
const wallBefore = performance.now();
const delays: number[] = [];
const roundMax: number[] = [];
for (let round = 0; round < rounds; round++) {
  const arrivals = Promise.all(readers.map((_, index) => new Promise<number>((resolve) => (waiting[index] = resolve))));
  const sentAt = performance.now();
  await client.query(
    `SELECT pg_notify($1, json_build_object('negotiationId', $2::text, 'id', ((extract(epoch FROM clock_timestamp()) * 1000000)::bigint)::text)::text)`,
    [CHANGE_CHANNEL, negotiationId],
  );
  const times = (await arrivals).map((at) => at - sentAt);
  waiting = [];
  delays.push(...times);
  roundMax.push(Math.max(...times));
}
const cpu = process.cpuUsage(cpuBefore);
const wall = (performance.now() - wallBefore) / 1000;
await client.end();
process.stdout.write(
  `${JSON.stringify({ delays, roundMax, refusedOpens, generatorCores: (cpu.user + cpu.system) / 1e6 / wall })}\n`,
);
await Promise.all(readers.map((reader) => reader.cancel().catch(() => undefined)));
process.exit(0);
