// Issue 16's rows: the reader page through the committed deploy/nginx-parley.conf in front of one
// instance and in front of three (on the same PostgreSQL; each row's server CPU is nginx's plus
// every instance's), publish → visible on the other instances, and event-stream fan-out on one
// instance with its subscribers in a separate process (bench/fanout-client.ts).
import { spawn } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { startDeployedNginx, type DeployedNginx } from "@/tests/harness/deployed-nginx";
import { freePort, launchAppServer, type AppProcess, type Stack } from "@/tests/harness/stack";
import { memorySampler, percentile, statusKb, waitForIdle } from "./tools";
import { loadTest, type LoadOptions, type LoadResult } from "./wrk";

export type SeveralInstances = {
  /** wrk → nginx (committed config) → one instance, and → three instances. */
  oneBehindNginx: LoadResult;
  threeBehindNginx: LoadResult;
  /** Publish on instance 0 → the new title on instances 1 and 2's reader pages, per round (the slower of the two). */
  crossInstanceMs: number[];
  /** Peak resident memory of each instance (MiB) over this section. */
  peakMiBPerInstance: number[];
};

export async function measureSeveralInstances(args: {
  stack: Stack;
  wrk: string;
  readerPath: string;
  options: LoadOptions;
  rounds: number;
  /** Logs a draft in the reader page's negotiation, publishes it (on instance 0), returns its title. */
  draft: () => Promise<{ title: string; publish: () => Promise<void> }>;
  log: (line: string) => void;
}): Promise<SeveralInstances> {
  const { stack, log } = args;
  const env = { PARLEY_TRUSTED_PROXY_HOPS: "1" };
  const extra: AppProcess[] = [];
  const proxies: DeployedNginx[] = [];
  try {
    const ports = [stack.port, await freePort(), await freePort()];
    for (const port of ports.slice(1))
      extra.push(
        await launchAppServer({ port, databaseUrl: stack.databaseUrl, env: { ...env, NEXTAUTH_URL: stack.baseUrl } }),
      );
    const pids = [stack.app().child.pid!, ...extra.map((app) => app.child.pid!)];
    const memory = pids.map((pid) => memorySampler(pid));
    const one = await startDeployedNginx(ports.slice(0, 1), await freePort());
    proxies.push(one);
    const three = await startDeployedNginx(ports, await freePort());
    proxies.push(three);
    // Every instance has the page rendered before its row, as it would in service.
    for (const port of ports) await (await fetch(`http://127.0.0.1:${port}${args.readerPath}`)).arrayBuffer();
    log(`several instances: wrk → nginx (deploy/nginx-parley.conf) → 1 instance, @${args.options.connections}…`);
    await Promise.all(pids.map((pid) => waitForIdle(pid)));
    const oneBehindNginx = await loadTest(args.wrk, one.url + args.readerPath, args.options, [one.pid, pids[0]!]);
    log(`several instances: wrk → nginx → 3 instances, @${args.options.connections}…`);
    await Promise.all(pids.map((pid) => waitForIdle(pid)));
    const threeBehindNginx = await loadTest(args.wrk, three.url + args.readerPath, args.options, [three.pid, ...pids]);

    log(`several instances: publish on instance 0 → visible on instances 1 and 2, ${args.rounds} rounds…`);
    const crossInstanceMs: number[] = [];
    for (let round = 0; round < args.rounds; round++) {
      const { title, publish } = await args.draft();
      // Warm: the other instances have the page cached, as readers would have made them.
      for (const port of ports.slice(1)) await (await fetch(`http://127.0.0.1:${port}${args.readerPath}`)).text();
      const start = performance.now();
      await publish();
      const seen = await Promise.all(
        ports.slice(1).map(async (port) => {
          // Polled back to back (each answer awaited): the time the first answer with the title arrives.
          for (;;) {
            const body = await (await fetch(`http://127.0.0.1:${port}${args.readerPath}`)).text();
            if (body.includes(title)) return performance.now() - start;
            if (performance.now() - start > 60_000) throw new Error(`"${title}" not on port ${port} within 60 s`);
          }
        }),
      );
      crossInstanceMs.push(Math.max(...seen));
    }
    return {
      oneBehindNginx,
      threeBehindNginx,
      crossInstanceMs,
      peakMiBPerInstance: memory.map((sampler) => sampler.stop().peakMiB),
    };
  } finally {
    for (const proxy of proxies) await proxy.stop();
    await Promise.all(extra.map((app) => app.stop()));
  }
}

export type Fanout = {
  subscribers: number;
  rounds: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  roundMaxMs: number[];
  /** The app's resident memory growth while the streams were opened, per stream. */
  kibPerStream: number;
  /** CPU cores the subscribers' process used during the rounds (1 would mean it was the limit). */
  generatorCores: number;
  /** Stream opens answered 503 by the (overloaded) instance and retried. */
  refusedOpens: number;
};

/** N event streams on the stack's instance, a change announced `rounds` times; delay until every stream has it. */
export async function measureFanout(args: {
  stack: Stack;
  slug: string;
  negotiationId: string;
  subscribers: number;
  rounds: number;
}): Promise<Fanout> {
  const appPid = args.stack.app().child.pid!;
  const rssBefore = statusKb(appPid, "VmRSS");
  const child = spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      path.resolve("bench/fanout-client.ts"),
      `${args.stack.baseUrl}/api/v1/negotiations/${args.slug}/events`,
      args.stack.databaseUrl,
      args.negotiationId,
      String(args.subscribers),
      String(args.rounds),
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const lines = createInterface({ input: child.stdout! });
  let rssOpen = 0;
  let report: { delays: number[]; roundMax: number[]; refusedOpens: number; generatorCores: number } | undefined;
  for await (const line of lines) {
    if (line === "OPEN") {
      rssOpen = statusKb(appPid, "VmRSS");
      child.stdin!.write("go\n");
    } else if (line.startsWith("{")) {
      report = JSON.parse(line) as typeof report;
    }
  }
  if (!report) throw new Error(`bench/fanout-client.ts ended with code ${child.exitCode} and no report`);
  const sorted = [...report.delays].sort((a, b) => a - b);
  const round1 = (v: number) => Math.round(v * 10) / 10;
  return {
    subscribers: args.subscribers,
    rounds: args.rounds,
    p50Ms: round1(percentile(sorted, 50)),
    p99Ms: round1(percentile(sorted, 99)),
    maxMs: round1(sorted.at(-1)!),
    roundMaxMs: report.roundMax.map(round1),
    kibPerStream: round1((rssOpen - rssBefore) / args.subscribers),
    generatorCores: Math.round(report.generatorCores * 100) / 100,
    refusedOpens: report.refusedOpens,
  };
}
