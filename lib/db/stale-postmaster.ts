// A postmaster left behind by a Parley that crashed (or was killed) keeps its
// data folder locked, and the next start would refuse. The embedded server is
// always spawned directly by the Node process that uses it, so a postmaster of
// this folder whose parent is no longer a Node process was orphaned: nobody
// holds it, and it is Parley's own to shut down. Linux only (/proc); elsewhere
// the start refuses as before and says which pid to stop.
import { readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return null;
  }
}

/** The parent pid from /proc/<pid>/stat (the field after the parenthesised command name). */
function parentPid(pid: number): number | null {
  const stat = readProc(pid, "stat");
  if (!stat) return null;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ppid = Number.parseInt(fields[1] ?? "", 10);
  return Number.isInteger(ppid) ? ppid : null;
}

function commandLine(pid: number): string[] | null {
  const raw = readProc(pid, "cmdline");
  return raw === null ? null : raw.split("\0").filter(Boolean);
}

export type OrphanVerdict =
  | { orphaned: true; parent: number | null }
  | { orphaned: false; reason: "not-linux" | "not-this-folder" | "held"; holder?: number };

/**
 * Whether the postmaster `pid` serves `dataDir` and was left without the Node
 * process that started it (its parent is now init, a subreaper or another
 * non-Node process).
 */
export function judgePostmaster(pid: number, dataDir: string): OrphanVerdict {
  const args = commandLine(pid);
  if (args === null) return { orphaned: false, reason: "not-linux" };
  const dataFlag = args.indexOf("-D");
  const servesFolder =
    /postgres$/.test(args[0] ?? "") &&
    dataFlag >= 0 &&
    path.resolve(args[dataFlag + 1] ?? "") === path.resolve(dataDir);
  if (!servesFolder) return { orphaned: false, reason: "not-this-folder" };
  const parent = parentPid(pid);
  const parentArgs = parent ? commandLine(parent) : null;
  const parentIsNode = parentArgs !== null && /(^|\/)(node|nodejs|tsx)$/.test(parentArgs[0] ?? "");
  return parentIsNode ? { orphaned: false, reason: "held", holder: parent! } : { orphaned: true, parent };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PostgreSQL's fast shutdown (SIGINT: ends sessions, writes a checkpoint); an
 * immediate one (SIGQUIT) if it is still there after 20 s. Resolves once gone.
 */
export async function shutDownPostmaster(pid: number): Promise<void> {
  process.kill(pid, "SIGINT");
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited === 20_000) process.kill(pid, "SIGQUIT");
    if (waited >= 40_000) {
      process.kill(pid, "SIGKILL");
      break;
    }
    await sleep(100);
  }
  while (isAlive(pid)) await sleep(100);
}
