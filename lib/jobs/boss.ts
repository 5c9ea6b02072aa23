import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { JOB_SCHEMA, queuePolicies, QUEUES } from "./queues";

export { JOB_SCHEMA };

/** A pg-boss instance with its own small pool. */
export function createBoss(connectionString: string, options: PgBoss.ConstructorOptions = {}): PgBoss {
  return new PgBoss({
    connectionString,
    schema: JOB_SCHEMA,
    max: 4,
    application_name: "parley-jobs",
    // Failed jobs stay in the job table (visible to admins) for two weeks before they are archived.
    archiveFailedAfterSeconds: 14 * 24 * 3600,
    ...options,
  });
}

/**
 * Creates or upgrades pg-boss's schema and Parley's queues (with their retry policy).
 * Run with the Prisma migrations, before anything can enqueue: a job sent inside a
 * transaction is plain SQL, and needs its queue to exist. Idempotent; concurrent
 * runs are serialised by pg-boss's own advisory lock.
 */
export async function installJobQueue(connectionString: string): Promise<void> {
  const boss = createBoss(connectionString, { supervise: false, schedule: false, max: 1 });
  boss.on("error", () => undefined);
  await boss.start();
  try {
    const policies = queuePolicies(env().PARLEY_JOB_RETRY_DELAY_SECONDS);
    for (const name of Object.values(QUEUES)) {
      const existing = await boss.getQueue(name);
      if (existing) await boss.updateQueue(name, { name, ...policies[name] });
      else await boss.createQueue(name, { name, ...policies[name] });
    }
    // The link check's schedule lives in pg-boss's table; a worker's clock (schedule: true) sends it.
    const cron = env().PARLEY_LINK_CHECK_CRON.trim();
    if (cron === "off") await boss.unschedule(QUEUES.linkCheck);
    else await boss.schedule(QUEUES.linkCheck, cron, {}, { tz: "UTC" });
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
