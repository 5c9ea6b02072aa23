// The Prisma client factory, with no server-only marker: the app's db() and the CLI scripts
// (scripts/, bench/, the test harness) build their clients here.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Every wait on the database is bounded, so a stalled or vanished server turns
 * into a prompt error (a 503 for readers, "nothing was saved" for writers)
 * instead of requests that hang for as long as the stall lasts. Parley's
 * queries take milliseconds; these bounds are 100× that and only stop stuck work.
 * Worst case in a stall: a read answers within ~11 s (wait for a connection +
 * one statement), a write within ~17 s (statement + rollback); docs/reliability.md.
 */
export const POOL_TIMEOUTS = {
  /** Opening a connection, and waiting for a free one in the pool. */
  connectionTimeoutMillis: 5_000,
  /** Server side: PostgreSQL cancels a statement running longer (the connection stays usable). */
  statement_timeout: 5_000,
  /** Client side: a server that does not answer at all (paused, network gone); just above the server's own bound. */
  query_timeout: 6_000,
  /** A transaction left open by a request that died releases its locks. */
  idle_in_transaction_session_timeout: 10_000,
} as const;

/** To start a transaction (a pool connection + BEGIN), and for the whole transaction. */
export const TRANSACTION_TIMEOUTS = { maxWait: 6_000, timeout: 15_000 } as const;

/**
 * A Prisma client on its own pool, for DATABASE_URL (or the given address). The app uses one
 * per process through db() (lib/db/client.ts); CLI scripts, which run outside Next.js and its
 * react-server condition, create theirs here and disconnect it when done.
 */
export function createPrismaClient(connectionString = env().DATABASE_URL): PrismaClient {
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL is not set. Start Parley with `npm run dev` or `npm start`, which provide the embedded database, or set DATABASE_URL.",
    );
  }
  const pool = new pg.Pool({ connectionString, max: env().PARLEY_DB_POOL_SIZE, ...POOL_TIMEOUTS });
  pool.on("connect", serializeQueries);
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // Prisma's defaults (2 s to start a transaction, 5 s to finish it) include
  // time spent waiting for a busy event loop: under heavy read traffic short
  // saves overran them and were refused. These bounds only stop stuck ones.
  return new PrismaClient({ adapter, transactionOptions: TRANSACTION_TIMEOUTS });
}

/**
 * One query at a time per connection. Inside a transaction Prisma loads sibling relations with
 * parallel queries on the transaction's single connection; pg queues them but deprecates that (it
 * becomes an error in pg 9). This chains them instead, as Prisma's pending adapter fix does
 * (prisma/orm#29979). Callback-style calls are pg-pool's own, one per checkout, and pass through.
 */
export function serializeQueries(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let tail: Promise<unknown> = Promise.resolve();
  client.query = ((...args: unknown[]) => {
    if (typeof args.at(-1) === "function") return query(...args);
    const run = tail.then(() => query(...args));
    tail = run.catch(() => undefined);
    return run;
  }) as typeof client.query;
}

/** Runs `work` with a client of its own for `connectionString`, disconnected afterwards (CLI scripts). */
export async function withPrismaClient<T>(
  connectionString: string,
  work: (prisma: PrismaClient) => Promise<T>,
): Promise<T> {
  const prisma = createPrismaClient(connectionString);
  try {
    return await work(prisma);
  } finally {
    await prisma.$disconnect();
  }
}
