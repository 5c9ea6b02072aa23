// Counts shared across the suite's files: each test appends one JSON line to
// test-results/security-tally.jsonl and the global teardown prints the totals.
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

export type Tally = {
  payloads: number;
  endpoints: number;
  leaks: number;
  serverErrors: number;
  /** Requests carrying a header that could change what a shared cache stores. */
  poisoningProbes: number;
  /** Plain reader requests that got something other than the real page after a probe. */
  poisoned: number;
  /** Open-redirect payloads tried (server redirect and client-side redirect). */
  redirectPayloads: number;
  /** Redirects that left the site's origin. */
  offsiteRedirects: number;
};

const FILE = path.resolve("test-results/security-tally.jsonl");

const ZERO: Tally = {
  payloads: 0,
  endpoints: 0,
  leaks: 0,
  serverErrors: 0,
  poisoningProbes: 0,
  poisoned: 0,
  redirectPayloads: 0,
  offsiteRedirects: 0,
};

export function resetTally(): void {
  mkdirSync(path.dirname(FILE), { recursive: true });
  rmSync(FILE, { force: true });
}

export function record(counts: Partial<Tally>): void {
  mkdirSync(path.dirname(FILE), { recursive: true });
  appendFileSync(FILE, `${JSON.stringify(counts)}\n`);
}

export function totals(): Tally {
  const sum: Tally = { ...ZERO };
  if (!existsSync(FILE)) return sum;
  for (const line of readFileSync(FILE, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const counts = JSON.parse(line) as Partial<Tally>;
    for (const key of Object.keys(sum) as Array<keyof Tally>) sum[key] += counts[key] ?? 0;
  }
  return sum;
}

export function summaryLine(sum: Tally = totals()): string {
  return (
    `security: ${sum.payloads} payloads tried, ${sum.endpoints} endpoints crawled, ` +
    `${sum.poisoningProbes} poisoning probes, ${sum.redirectPayloads} redirect payloads, ` +
    `${sum.leaks} leaks, ${sum.serverErrors} server errors, ${sum.poisoned} poisoned responses, ` +
    `${sum.offsiteRedirects} redirects off-site`
  );
}
