import "server-only";
import PgBoss from "pg-boss";
import type { Prisma } from "@/lib/generated/prisma/client";
import { JOB_SCHEMA } from "./boss";
import type { QueueName } from "./queues";

type Tx = Prisma.TransactionClient;

/**
 * Sends only through a caller's transaction: this instance is never started and has no
 * connection of its own, so a job can only be inserted next to the change that causes
 * it, and is rolled back with it. Its `db` refuses any query that did not come with one.
 */
const sender = new PgBoss({
  schema: JOB_SCHEMA,
  db: {
    executeSql: () => Promise.reject(new Error("Jobs are enqueued inside a transaction: pass its client.")),
  },
});

/** pg-boss's SQL run on the transaction's connection (its parameters are $1…$n, as Prisma's raw queries). */
function transactionExecutor(tx: Tx): PgBoss.Db {
  return {
    async executeSql(text, values) {
      // pg serialises objects to JSON itself; Prisma's raw parameters need it done here.
      const params = values.map((value: unknown) =>
        value !== null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : value,
      );
      const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(text, ...params);
      return { rows };
    },
  };
}

/**
 * Queues a job in the caller's transaction. `id` (a UUID) makes the send idempotent: a
 * second send with the same id is ignored by pg-boss's ON CONFLICT DO NOTHING.
 */
export async function enqueue(
  tx: Tx,
  queue: QueueName,
  data: object,
  options: { id?: string; singletonKey?: string; singletonSeconds?: number; startAfter?: number } = {},
) {
  return sender.send(queue, data, { ...options, db: transactionExecutor(tx) });
}
