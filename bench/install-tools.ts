// The benchmark's outside tools, wrk (load generator) and nginx (static
// baseline), from Debian's packages: found on PATH or in the sbin folders (a
// non-root PATH often lacks /usr/sbin, where nginx lives), else installed once
// with apt-get as root or through sudo. A failure is reported, not thrown: the
// rows that need the tool are skipped and the rest of the benchmark still runs.
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";

export type LoadTools = { wrk: string | null; nginx: string | null; notes: string[] };

const TOOLS = ["wrk", "nginx"] as const;

function findCommand(command: string): string | null {
  const dirs = [...(process.env.PATH ?? "").split(":"), "/usr/sbin", "/usr/local/sbin", "/sbin"];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = path.join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return null;
}

function asRoot(args: string[]): { ok: boolean; output: string } {
  const isRoot = process.getuid?.() === 0;
  const [command, ...rest] = isRoot ? args : ["sudo", "-n", ...args];
  const result = spawnSync(command!, rest, {
    encoding: "utf8",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}`;
  return { ok: result.status === 0, output: output.trim().split("\n").slice(-5).join("\n") };
}

/** Finds wrk and nginx, installing the missing ones with `apt-get install -y` (after one `apt-get update`). */
export function ensureLoadTools(log: (line: string) => void): LoadTools {
  const notes: string[] = [];
  const missing = TOOLS.filter((tool) => findCommand(tool) === null);
  if (missing.length > 0) {
    log(`installing ${missing.join(" and ")} (apt-get install -y ${missing.join(" ")})…`);
    const update = asRoot(["apt-get", "update", "-qq"]);
    const install = update.ok ? asRoot(["apt-get", "install", "-y", "-qq", ...missing]) : update;
    if (!install.ok) {
      const note = `could not install ${missing.join(" and ")} with apt-get (as root or with sudo -n): ${install.output}`;
      notes.push(note);
      log(`WARNING: ${note}`);
    }
  }
  const tools = { wrk: findCommand("wrk"), nginx: findCommand("nginx"), notes };
  if (!tools.wrk) {
    const note = "wrk is not available: every load row is SKIPPED";
    notes.push(note);
    log(`WARNING: ${note}`);
  }
  if (!tools.nginx) {
    const note = "nginx is not available: the calibration row and every ratio to the static baseline are SKIPPED";
    notes.push(note);
    log(`WARNING: ${note}`);
  }
  return tools;
}
