// Measuring tools for the benchmark: load from a separate autocannon process,
// the static baseline server, process-tree memory, and client JavaScript size.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { gzipSync } from "node:zlib";
import { freePort, waitForHttp } from "@/tests/harness/stack";

export type LoadOptions = { connections: number; seconds: number; warmupSeconds: number };

export type LoadResult = {
  url: string;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { mean: number; p50: number; p99: number; max: number };
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerResponse: number;
};

const autocannonBin = () => createRequire(import.meta.url).resolve("autocannon/autocannon.js");

function runAutocannon(url: string, connections: number, seconds: number): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [autocannonBin(), "-c", String(connections), "-d", String(seconds), "-j", "-n", url],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${stderr}`));
      try {
        resolve(JSON.parse(stdout) as Record<string, unknown>);
      } catch {
        reject(new Error(`autocannon printed no JSON: ${stdout.slice(0, 500)} ${stderr.slice(0, 500)}`));
      }
    });
  });
}

/** A short warm-up, then the measured run, both in a separate autocannon process. */
export async function loadTest(url: string, options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds > 0) await runAutocannon(url, options.connections, options.warmupSeconds);
  const raw = await runAutocannon(url, options.connections, options.seconds);
  const requests = raw.requests as { average: number; total: number };
  const latency = raw.latency as { mean: number; p50: number; p99: number; max: number };
  const throughput = raw.throughput as { total: number };
  return {
    url,
    connections: options.connections,
    seconds: options.seconds,
    requestsPerSecond: requests.average,
    latencyMs: { mean: latency.mean, p50: latency.p50, p99: latency.p99, max: latency.max },
    requests: requests.total,
    non2xx: Number(raw.non2xx ?? 0),
    errors: Number(raw.errors ?? 0),
    timeouts: Number(raw.timeouts ?? 0),
    bytesPerResponse: requests.total > 0 ? Math.round(throughput.total / requests.total) : 0,
  };
}

/** CPU seconds (user + system) a process tree has used so far. */
function cpuSeconds(rootPid: number): number {
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

export type StaticServer = { url: string; kind: "nginx" | "node"; pid: number; stop(): Promise<void> };

function onPath(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, sleep(5_000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

/** Serves `html` from nginx (one worker) when it is installed, else from bench/static-server.mjs. */
export async function startStaticServer(html: Buffer): Promise<StaticServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "parley-bench-static-"));
  const file = path.join(dir, "page.html");
  await writeFile(file, html);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  let child: ChildProcess;
  let kind: StaticServer["kind"];
  if (onPath("nginx")) {
    kind = "nginx";
    const conf = path.join(dir, "nginx.conf");
    await writeFile(
      conf,
      `daemon off; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  access_log off; client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  server { listen 127.0.0.1:${port}; root ${dir}; location / { default_type "text/html; charset=utf-8"; try_files /page.html =404; } }
}
`,
    );
    child = spawn("nginx", ["-c", conf, "-p", dir], { stdio: "ignore" });
  } else {
    kind = "node";
    child = spawn(process.execPath, [path.resolve("bench/static-server.mjs"), file, String(port)], { stdio: "ignore" });
  }
  await waitForHttp(url, 15_000);
  return { url, kind, pid: child.pid!, stop: () => stopChild(child) };
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

function statusKb(pid: number, field: "VmHWM" | "VmRSS"): number {
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
