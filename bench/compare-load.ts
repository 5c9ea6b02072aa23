// The load section of the benchmark: wrk against nginx serving a tiny file (the
// calibration: the most this generator can drive on this machine), then each
// compared page from nginx (the exact bytes the app served) and from the app, at
// each connection count, then the other URLs. Every row keeps wrk's own CPU use
// and the server's, so a reader can tell which side was the limit.
import os from "node:os";
import type { LoadTools } from "./install-tools";
import { startNginx } from "./nginx";
import { waitForIdle } from "./tools";
import { loadTest, problemCount, type LoadOptions, type LoadResult } from "./wrk";

/** A tiny body: what the generator can drive when responses cost it (and nginx) almost nothing. */
const CALIBRATION_BODY = Buffer.from("calibration\n");
/** A server within this fraction of the calibration ceiling may be measuring wrk, not itself. */
const CEILING_MARGIN = 0.2;

/** A page compared with nginx serving its bytes; `serverPids`: whose CPU is the server's (default: the app's). */
export type ComparedPage = { name: string; url: string; html: Buffer; serverPids?: number[] };

export type Comparison = {
  connections: number;
  app: LoadResult;
  nginx: LoadResult | null;
  /** app req/s ÷ nginx req/s and app p99 ÷ nginx p99, serving the same bytes. */
  rpsRatio: number | null;
  p99Ratio: number | null;
  /** app requests per server CPU second ÷ nginx's: the cost per request, which other work on the machine moves less. */
  cpuRatio: number | null;
};

export type LoadSection = {
  options: Omit<LoadOptions, "connections"> & { connectionCounts: number[]; otherConnections: number };
  /** wrk → nginx, tiny file, per connection count. */
  calibration: Record<number, LoadResult>;
  compared: Record<string, Comparison[]>;
  others: Record<string, LoadResult>;
  warnings: string[];
};

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);

export async function measureLoad(args: {
  tools: LoadTools & { wrk: string };
  appPid: number;
  options: Omit<LoadOptions, "connections">;
  connectionCounts: number[];
  otherConnections: number;
  compared: ComparedPage[];
  others: Array<{ name: string; url: string }>;
  log: (line: string) => void;
}): Promise<LoadSection> {
  const { tools, appPid, options, log } = args;
  const files: Record<string, Buffer> = { "calibration.txt": CALIBRATION_BODY };
  args.compared.forEach((page, i) => (files[`page-${i}.html`] = page.html));
  const site = tools.nginx ? await startNginx(tools.nginx, files) : null;
  const warnings: string[] = [];
  const calibration: Record<number, LoadResult> = {};
  const compared: Record<string, Comparison[]> = {};
  const others: Record<string, LoadResult> = {};

  const describe = (r: LoadResult) =>
    `${r.requestsPerSecond} req/s × ${r.bytesPerRequest} B, p50 ${r.latencyMs.p50} / p99 ${r.latencyMs.p99} ms; wrk ${r.generator.cores} core(s), server ${r.server.cores}` +
    (problemCount(r) ? ` (errors: ${JSON.stringify(r.errors)})` : "");
  // Each URL is warmed up once (JIT, caches, connections); its later rows start warm.
  const warmed = new Set<string>();
  const run = async (label: string, url: string, pid: number | number[], connections: number) => {
    for (const each of [pid].flat()) await waitForIdle(each);
    const warmupSeconds = warmed.has(url) ? 0 : options.warmupSeconds;
    warmed.add(url);
    const result = await loadTest(tools.wrk, url, { ...options, connections, warmupSeconds }, pid);
    log(`  ${label} @${connections}: ${describe(result)}`);
    if (result.generator.saturated)
      warnings.push(
        `${label} @${connections}: wrk used ${result.generator.cores} of ${result.threads} core(s): the generator may be the limit`,
      );
    const ceiling = calibration[connections];
    if (ceiling && result !== ceiling && result.requestsPerSecond >= (1 - CEILING_MARGIN) * ceiling.requestsPerSecond)
      warnings.push(
        `${label} @${connections}: ${result.requestsPerSecond} req/s is within ${CEILING_MARGIN * 100} % of the calibration ceiling (${ceiling.requestsPerSecond} req/s): it may measure wrk, not the server`,
      );
    return result;
  };

  try {
    for (const connections of args.connectionCounts) {
      if (site)
        calibration[connections] = await run(
          "calibration: nginx, tiny file",
          site.url("calibration.txt"),
          site.pid,
          connections,
        );
      for (const [i, page] of args.compared.entries()) {
        const nginx = site
          ? await run(`nginx, ${page.name} bytes`, site.url(`page-${i}.html`), site.pid, connections)
          : null;
        const app = await run(page.name, page.url, page.serverPids ?? appPid, connections);
        (compared[page.name] ??= []).push({
          connections,
          app,
          nginx,
          rpsRatio: nginx ? ratio(app.requestsPerSecond, nginx.requestsPerSecond) : null,
          p99Ratio: nginx ? ratio(app.latencyMs.p99, Math.max(nginx.latencyMs.p99, 0.01)) : null,
          cpuRatio:
            nginx?.server.requestsPerCpuSecond && app.server.requestsPerCpuSecond
              ? ratio(app.server.requestsPerCpuSecond, nginx.server.requestsPerCpuSecond)
              : null,
        });
      }
    }
    for (const { name, url } of args.others) others[name] = await run(name, url, appPid, args.otherConnections);
    await waitForIdle(appPid);
  } finally {
    await site?.stop();
  }
  const loadAverage = os.loadavg()[0]!;
  if (loadAverage > os.cpus().length)
    warnings.push(
      `load average ${loadAverage.toFixed(2)} on ${os.cpus().length} CPU(s): other work shared the machine, so req/s and latencies (and their ratios) are lower and noisier than on a quiet machine; req/CPU-s is the steadier comparison`,
    );
  for (const warning of warnings) log(`WARNING: ${warning}`);
  return {
    options: { ...options, connectionCounts: args.connectionCounts, otherConnections: args.otherConnections },
    calibration,
    compared,
    others,
    warnings,
  };
}
