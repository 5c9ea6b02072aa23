// `npm run worker`: runs Parley's background jobs (webhook deliveries, link archiving) as
// their own process, for deployments that set PARLEY_JOBS_IN_APP=0 on the app servers.
// Needs DATABASE_URL (the app's database, migrated by the app or `npm run db:migrate`).
// Several workers may run at once: pg-boss hands each job to one of them.
import { waitForConnection } from "@/lib/db/resolve";
import { env, EnvError } from "@/lib/env";
import { installJobQueue } from "@/lib/jobs/boss";
import { jobHandlers } from "@/lib/jobs/handlers";
import { startWorker } from "@/lib/jobs/worker";
import { CommandError, reportAndExit } from "./lib/report";

async function main(): Promise<void> {
  let url: string | undefined;
  try {
    url = env().DATABASE_URL;
  } catch (error) {
    if (error instanceof EnvError) throw new CommandError(`${error.message}. See .env.example.`);
    throw error;
  }
  if (!url) throw new CommandError("DATABASE_URL is not set: the worker needs the app's PostgreSQL.");
  // Waits for a database that is still starting (as npm start does) instead of failing at once.
  await waitForConnection(url, (line) => console.log(`parley: ${line}`));
  await installJobQueue(url);
  const worker = await startWorker(url, jobHandlers());
  console.log("parley: worker running; SIGINT or SIGTERM stops it after the jobs in flight");
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    worker.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch(reportAndExit);
