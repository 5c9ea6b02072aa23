// Builds once for every file, and prints the suite's one-line summary from the
// counts each file recorded (see recordCounts in support.ts).
import { rmSync } from "node:fs";
import { ensureProductionBuild } from "@/tests/harness/stack";
import { COUNTS_FILE, readCounts } from "./support";

export default function setup() {
  ensureProductionBuild((line) => console.log(line));
  rmSync(COUNTS_FILE, { force: true });
  return () => {
    const totals = readCounts();
    const lost = totals.acknowledged - totals.found;
    console.log(
      `resilience: ${totals.outageAnswers} deliberate outage answers (503 or outage page) while the database was down, not counted as server errors`,
    );
    console.log(
      `resilience: ${totals.faults} faults injected, ${totals.acknowledged} writes acknowledged, ${totals.found} found, ${lost} lost, ${totals.serverErrors} server errors`,
    );
    // Each test already fails on these; this also fails the run (vitest ignores errors thrown here).
    if (lost !== 0 || totals.serverErrors !== 0) {
      console.error(`resilience: FAILED with ${lost} lost writes and ${totals.serverErrors} server errors`);
      process.exitCode = 1;
    }
  };
}
