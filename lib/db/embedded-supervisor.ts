// Keeps the embedded PostgreSQL running under `npm run dev` / `npm start`: when
// the postmaster exits without being asked to (kill -9, a crash, a full disk),
// says so with its own last log lines and starts it again on the same folder and
// port, backing off between attempts. The app keeps running meanwhile: readers
// get cached pages or a 503, writers a clear "nothing was saved".
import { setTimeout as sleep } from "node:timers/promises";
import { diagnoseStartFailure } from "./embedded-log";
import { EmbeddedStartError, type ClusterExit, type EmbeddedCluster } from "./embedded";

/** Waits between restart attempts: quick at first (a kill -9 recovers in about a second), then every 30 s. */
export const RESTART_BACKOFF_MS = [250, 1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

export type Supervision = { stop(): void; restarts(): number };

function describeExit(exit: ClusterExit): string {
  if (exit.signal) return `killed by ${exit.signal}`;
  return `exit code ${exit.code}`;
}

export function superviseEmbeddedPostgres(
  cluster: EmbeddedCluster,
  say: (line: string) => void,
  backoffMs: number[] = RESTART_BACKOFF_MS,
): Supervision {
  let stopped = false;
  let restarts = 0;
  let recovering = false;

  const echo = (lines: string[]) => {
    for (const line of lines) say(`  postgres| ${line}`);
  };

  const recover = async (exit: ClusterExit) => {
    if (recovering || stopped) return;
    recovering = true;
    const lostAt = Date.now();
    const lastLines = cluster.log.sinceStart(15);
    say(
      `embedded PostgreSQL (pid ${exit.pid ?? "?"}) stopped unexpectedly (${describeExit(exit)}); restarting it. ` +
        (lastLines.length > 0
          ? `Its last log lines (full log: ${cluster.log.path}):`
          : `It wrote nothing before it stopped (full log: ${cluster.log.path}).`),
    );
    echo(lastLines);
    let adviceGiven = "";
    for (let attempt = 1; !stopped; attempt++) {
      await sleep(backoffMs[Math.min(attempt - 1, backoffMs.length - 1)]!);
      if (stopped) break;
      try {
        await cluster.restart();
        restarts += 1;
        say(
          `embedded PostgreSQL is back (pid ${cluster.pid()}, port ${cluster.port}) after ${((Date.now() - lostAt) / 1000).toFixed(1)} s, attempt ${attempt}`,
        );
        recovering = false;
        return;
      } catch (error) {
        const lines = error instanceof EmbeddedStartError ? error.logLines : [];
        const next = backoffMs[Math.min(attempt, backoffMs.length - 1)]! / 1000;
        const diagnosis = diagnoseStartFailure(lines, cluster.dataDir);
        say(
          `embedded PostgreSQL restart attempt ${attempt} failed${diagnosis ? `: ${diagnosis.cause}` : ""}; next attempt in ${next} s`,
        );
        if (diagnosis && diagnosis.advice !== adviceGiven) {
          echo(lines.slice(-8));
          say(`what to do: ${diagnosis.advice}`);
          adviceGiven = diagnosis.advice;
        } else if (!diagnosis && attempt === 1) {
          echo(lines.slice(-8));
        }
      }
    }
    recovering = false;
  };

  cluster.onUnexpectedExit((exit) => void recover(exit));
  return {
    stop: () => {
      stopped = true;
    },
    restarts: () => restarts,
  };
}
