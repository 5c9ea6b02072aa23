import type PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { errorFields, log } from "@/lib/log";
import { createBoss } from "./boss";
import type { QueueName } from "./queues";

/**
 * A job's work. Handlers are idempotent: pg-boss delivers at least once (a worker that dies
 * mid-job has it retried after expiry), so running one twice must leave the same result.
 * Throwing fails the attempt; pg-boss retries it with backoff until the queue's retryLimit,
 * then the job stays `failed` with the error, for admins (lib/data/admin/jobs.ts).
 */
export type JobHandler = (data: unknown, job: { id: string; retryCount: number }) => Promise<unknown>;

export type Worker = { stop(): Promise<void> };

/** Starts pg-boss (maintenance included) and works the given queues until stopped. */
export async function startWorker(
  connectionString: string,
  handlers: Partial<Record<QueueName, JobHandler>>,
): Promise<Worker> {
  const boss = createBoss(connectionString, { migrate: false });
  boss.on("error", (error) => log.error(errorFields(error), "job queue error"));
  await boss.start();
  const pollingIntervalSeconds = env().PARLEY_JOB_POLL_SECONDS;
  for (const [queue, handler] of Object.entries(handlers) as [QueueName, JobHandler][]) {
    await boss.work(
      queue,
      { pollingIntervalSeconds, batchSize: 1, includeMetadata: true },
      async ([job]: PgBoss.JobWithMetadata[]) => {
        try {
          return await handler(job!.data, { id: job!.id, retryCount: job!.retryCount });
        } catch (error) {
          log.warn({ ...errorFields(error), queue, jobId: job!.id, retryCount: job!.retryCount }, "job failed");
          throw error;
        }
      },
    );
  }
  log.info({ queues: Object.keys(handlers), pollingIntervalSeconds }, "job worker started");
  return {
    async stop() {
      // Jobs in flight get a few seconds to finish; unfinished ones are failed and retried later.
      await boss.stop({ graceful: true, timeout: 5_000, wait: true });
    },
  };
}
