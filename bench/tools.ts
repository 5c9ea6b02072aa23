// Measuring tools for the benchmark: process-tree CPU and memory from /proc,
// and client JavaScript size. Load generation is in wrk.ts, the baseline in nginx.ts.
import { spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { gzipSync } from "node:zlib";

/** CPU seconds (user + system) a process tree has used so far. */
export function cpuSeconds(rootPid: number): number {
  let ticks = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // Gone.
    }
  }
  return ticks / 100; // USER_HZ is 100 on Linux.
}

/**
 * Waits until a process tree is idle (under 10% of one core over half a
 * second): a load generator that stops leaves requests in flight, and they
 * must not slow down the next measurement.
 */
export async function waitForIdle(rootPid: number, maxMs = 30_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let before = cpuSeconds(rootPid);
  while (Date.now() < deadline) {
    await sleep(500);
    const now = cpuSeconds(rootPid);
    if (now - before < 0.05) return;
    before = now;
  }
}

/** SIGTERM, then SIGKILL if the child is still there after 5 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, sleep(5_000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

/** The pid and every descendant of it, from /proc. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Field 4 (ppid) follows the parenthesised command name, which may hold spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

export function statusKb(pid: number, field: "VmHWM" | "VmRSS"): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Peak memory of a process tree: the sum of each process's VmHWM (its own
 * resident high-water mark), sampled every second so short-lived children count.
 */
export function memorySampler(rootPid: number) {
  const peaks = new Map<number, number>();
  const sample = () => {
    for (const pid of processTree(rootPid)) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, statusKb(pid, "VmHWM")));
  };
  sample();
  const timer = setInterval(sample, 1_000);
  timer.unref();
  return {
    stop(): { peakMiB: number; processes: number } {
      clearInterval(timer);
      sample();
      const total = [...peaks.values()].reduce((sum, kb) => sum + kb, 0);
      return { peakMiB: Math.round((total / 1024) * 10) / 10, processes: peaks.size };
    },
  };
}

export type ClientJs = { scripts: number; rawBytes: number; gzipBytes: number; urls: string[] };

/** Sums the external scripts an HTML page loads (nomodule polyfills excluded), gzipped at zlib's default level. */
export async function clientJs(pageUrl: string, html: string): Promise<ClientJs> {
  const urls = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>/g)) {
    const attributes = match[1]!;
    const src = /\ssrc="([^"]+)"/.exec(attributes)?.[1];
    if (!src || /\snomodule\b/i.test(attributes)) continue;
    urls.add(new URL(src.replaceAll("&amp;", "&"), pageUrl).toString());
  }
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const url of urls) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const body = Buffer.from(await response.arrayBuffer());
    rawBytes += body.length;
    gzipBytes += gzipSync(body).length;
  }
  return { scripts: urls.size, rawBytes, gzipBytes, urls: [...urls].map((u) => new URL(u).pathname) };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function nextVersion(): string {
  const file = path.join(path.dirname(createRequire(import.meta.url).resolve("next/package.json")), "package.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version : "unknown";
}

/** Bytes of the inline React Server Components payload: the `self.__next_f.push(…)` scripts Next.js writes into the HTML. */
export function inlineFlightBytes(html: string): number {
  let bytes = 0;
  for (const match of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g))
    if (match[1]!.includes("self.__next_f")) bytes += Buffer.byteLength(match[1]!);
  return bytes;
}

/** The first line a tool prints for `args` (wrk and nginx print their version and exit). */
export function commandVersion(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8" });
  return `${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n")[0] ?? "unknown";
}
