// `npm start` as an operator runs it, on a prepared data folder, for the
// supervision scenarios: the embedded PostgreSQL belongs to the app here (not to
// the test), so its crashes, stalls and orphans are the app's to handle.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { chmod, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { withPrismaClient } from "@/lib/db/prisma";
import { createDatabaseIfMissing, startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations";
import { installJobQueue } from "@/lib/jobs/boss";
import { insertStaffUser } from "@/lib/data/internal/staff-accounts";
import { freePort, STACK_PASSWORD, STACK_SECRET, waitForHttp, type StaffCredentials } from "@/tests/harness/stack";
import { runSeed } from "@/seeds/run";

export type PreparedFolder = { dataDir: string; staff: { journalist: StaffCredentials; admin: StaffCredentials } };

/** A data folder with the migrated, seeded database and two staff accounts; no server left running. */
export async function prepareDataFolder(): Promise<PreparedFolder> {
  const parent = await mkdtemp(path.join(os.tmpdir(), "parley-serve-"));
  await chmod(parent, 0o755);
  const dataDir = path.join(parent, "postgres");
  const cluster = await startEmbeddedPostgres({ dataDir, port: 0 });
  const suffix = Math.random().toString(36).slice(2, 8);
  const staff = {
    journalist: { email: `journalist-${suffix}@serve.test`, password: STACK_PASSWORD },
    admin: { email: `admin-${suffix}@serve.test`, password: STACK_PASSWORD },
  };
  const previousUrl = process.env.DATABASE_URL;
  try {
    await createDatabaseIfMissing(cluster.urlFor("postgres"), "parley");
    const url = cluster.urlFor("parley");
    await applyMigrations(url);
    await installJobQueue(url);
    process.env.DATABASE_URL = url;
    await withPrismaClient(url, async (prisma) => {
      await runSeed(prisma, { includeDevelopmentStaff: false });
      await insertStaffUser(prisma, { ...staff.journalist, name: "Serve Journalist", role: "JOURNALIST" }, null);
      await insertStaffUser(prisma, { ...staff.admin, name: "Serve Admin", role: "ADMIN" }, null);
    });
  } finally {
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    await cluster.stop();
  }
  return { dataDir, staff };
}

export type Served = {
  /** npm's own process: what a process manager starts and signals. */
  npm: ChildProcess;
  port: number;
  baseUrl: string;
  databaseUrl: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** `npm start` on `dataDir`, in its own process group; resolves once it serves pages. */
export async function npmStart(dataDir: string): Promise<Served> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PARLEY_DATA_DIR: dataDir,
    NEXTAUTH_SECRET: STACK_SECRET,
    NEXTAUTH_URL: baseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.DATABASE_URL;
  const npm = spawn("npm", ["start", "--", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
    env,
  });
  const chunks: string[] = [];
  npm.stdout?.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  npm.stderr?.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  const output = () => chunks.join("");
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    npm.once("exit", (code, signal) => resolve({ code, signal })),
  );
  await waitForHttp(`${baseUrl}/`, 180_000).catch((error) => {
    throw new Error(`${(error as Error).message}\n--- npm start output ---\n${output()}`);
  });
  const databasePort = /embedded PostgreSQL running on 127\.0\.0\.1:(\d+)/.exec(output())?.[1];
  if (!databasePort) throw new Error(`npm start did not say where PostgreSQL runs:\n${output()}`);
  return {
    npm,
    port,
    baseUrl,
    databaseUrl: `postgresql://parley:parley-local@127.0.0.1:${databasePort}/parley`,
    output,
    exited,
  };
}

/** The running postmaster of a data folder (from postmaster.pid). */
export function postmasterPid(dataDir: string): number {
  const pid = Number.parseInt(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]!, 10);
  if (!Number.isInteger(pid)) throw new Error(`No postmaster.pid in ${dataDir}`);
  return pid;
}

type ProcessInfo = { pid: number; ppid: number; pgid: number; command: string };

export function processes(): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const command = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ").trim();
      found.push({ pid: Number(entry), ppid: Number(fields[1]), pgid: Number(fields[2]), command });
    } catch {
      // Gone while we looked.
    }
  }
  return found;
}

/** The postmaster and every backend it forked. */
export function postgresProcesses(dataDir: string): number[] {
  const postmaster = postmasterPid(dataDir);
  return [
    postmaster,
    ...processes()
      .filter((p) => p.ppid === postmaster)
      .map((p) => p.pid),
  ];
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Not within ${timeoutMs} ms: ${what}`);
    await sleep(100);
  }
  return Date.now() - started;
}

/** Whether anything still accepts connections on the port. */
export async function portAnswers(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.arrayBuffer());
    return true;
  } catch {
    return false;
  }
}

/** Last resort for a failed test: nothing of this group outlives the run. */
export function killGroup(served: Served | undefined): void {
  if (!served?.npm.pid) return;
  try {
    process.kill(-served.npm.pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}
