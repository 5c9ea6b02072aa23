// Load from wrk (C, epoll; Debian's package), in its own process. Its done()
// hook (bench/wrk-report.lua) prints one JSON line with the percentiles and
// wrk's own CPU time, so every row carries the proof of whether the generator
// or the server was the limit. The server's CPU over the same window comes
// from /proc, for the same reason.
import { spawn } from "node:child_process";
import path from "node:path";
import { z } from "zod";
import { cpuSeconds } from "./tools";

export type LoadOptions = { connections: number; seconds: number; warmupSeconds: number; threads: number };

const MARKER = "PARLEY_WRK_JSON ";

const wrkReport = z.object({
  durationUs: z.number().positive(),
  requests: z.number().int().nonnegative(),
  bytes: z.number().nonnegative(),
  cpuSeconds: z.number().nonnegative(),
  errors: z.object({
    connect: z.number(),
    read: z.number(),
    write: z.number(),
    status: z.number(),
    timeout: z.number(),
  }),
  latencyUs: z.object({
    mean: z.number(),
    stdev: z.number(),
    max: z.number(),
    p50: z.number(),
    p90: z.number(),
    p99: z.number(),
    p999: z.number(),
  }),
});

export type LoadResult = {
  url: string;
  connections: number;
  threads: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  /** Response bytes (headers + body) per request, as wrk read them. */
  bytesPerRequest: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; p999: number; max: number };
  /** wrk's error counts; `status` counts responses with a status ≥ 400. */
  errors: { connect: number; read: number; write: number; status: number; timeout: number };
  /** wrk's own CPU: user + system seconds over the run, and the cores that makes (of `threads` at most). */
  generator: { cpuSeconds: number; cores: number; saturated: boolean };
  /** The measured server's process tree over the same window. */
  /** Requests per CPU second of the server: what the server costs, less sensitive than req/s to other work on the machine. */
  server: { cpuSeconds: number; cores: number; requestsPerCpuSecond: number | null };
};

const ms = (us: number) => Math.round(us / 10) / 100;

/** Every error wrk counted; a row with any is not a clean measurement. */
export const problemCount = (r: LoadResult) =>
  r.errors.connect + r.errors.read + r.errors.write + r.errors.status + r.errors.timeout;

function runWrk(wrk: string, url: string, connections: number, seconds: number, threads: number) {
  // --timeout 10s: a request slower than that counts as a timeout (and fails the p99 row), not as a latency.
  const args = [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, "--timeout", "10s"];
  args.push("-s", path.resolve("bench/wrk-report.lua"), url);
  return new Promise<z.infer<typeof wrkReport>>((resolve, reject) => {
    const child = spawn(wrk, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.once("error", reject);
    child.once("exit", (code) => {
      const line = stdout.split("\n").find((l) => l.startsWith(MARKER));
      if (code !== 0 || !line) {
        reject(new Error(`wrk ${args.join(" ")} exited with ${code} and no report:\n${stdout}\n${stderr}`));
        return;
      }
      try {
        resolve(wrkReport.parse(JSON.parse(line.slice(MARKER.length))));
      } catch (error) {
        reject(new Error(`wrk's report did not parse (${(error as Error).message}): ${line}`));
      }
    });
  });
}

/**
 * A short warm-up, then the measured run, each a separate wrk process; the server's process trees
 * (`serverPid`: one, or several, e.g. nginx and the app instances behind it) are measured alongside.
 */
export async function loadTest(
  wrk: string,
  url: string,
  options: LoadOptions,
  serverPid: number | number[],
): Promise<LoadResult> {
  const threads = Math.min(options.threads, options.connections);
  if (options.warmupSeconds > 0) await runWrk(wrk, url, options.connections, options.warmupSeconds, threads);
  const serverPids = [serverPid].flat();
  const serverCpuSeconds = () => serverPids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const serverBefore = serverCpuSeconds();
  const raw = await runWrk(wrk, url, options.connections, options.seconds, threads);
  const serverCpu = serverCpuSeconds() - serverBefore;
  const wall = raw.durationUs / 1e6;
  const generatorCores = raw.cpuSeconds / wall;
  const round2 = (v: number) => Math.round(v * 100) / 100;
  return {
    url,
    connections: options.connections,
    threads,
    seconds: round2(wall),
    requests: raw.requests,
    requestsPerSecond: Math.round((raw.requests / wall) * 10) / 10,
    bytesPerRequest: raw.requests > 0 ? Math.round(raw.bytes / raw.requests) : 0,
    latencyMs: {
      mean: ms(raw.latencyUs.mean),
      p50: ms(raw.latencyUs.p50),
      p90: ms(raw.latencyUs.p90),
      p99: ms(raw.latencyUs.p99),
      p999: ms(raw.latencyUs.p999),
      max: ms(raw.latencyUs.max),
    },
    errors: raw.errors,
    // Saturated: wrk used 90 % or more of the cores its threads can use, so it may have been the limit.
    generator: {
      cpuSeconds: round2(raw.cpuSeconds),
      cores: round2(generatorCores),
      saturated: generatorCores >= 0.9 * threads,
    },
    server: {
      cpuSeconds: round2(serverCpu),
      cores: round2(serverCpu / wall),
      requestsPerCpuSecond: serverCpu > 0 ? Math.round(raw.requests / serverCpu) : null,
    },
  };
}
