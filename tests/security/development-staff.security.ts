// `npm start` on a database made by `npm run dev`: the development staff accounts
// (@parley.test, passwords published in the README) must not be able to sign in.
// Production refuses to start while one is active and prints the one-line fix;
// after that command it starts.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDatabaseIfMissing } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations";
import { freePort, STACK_SECRET, waitForHttp } from "../harness/stack";

const DATABASE = "parley_from_dev";
const children: ChildProcess[] = [];

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** `npm start`'s own command, in its own process group so it can be stopped whole. */
function start(databaseUrl: string, port: number) {
  const child = spawn(
    path.resolve("node_modules/.bin/tsx"),
    // As `npm start` runs it: the in-process job worker loads the server-only data layer.
    ["--conditions=react-server", "scripts/serve.ts", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: STACK_SECRET,
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
  children.push(child);
  const chunks: string[] = [];
  child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, output: () => chunks.join("") };
}

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) continue;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    await exited;
  }
});

describe("development staff accounts under npm start", () => {
  it("refuse to start with one line naming the fix, and start once it has been run", async () => {
    const stackUrl = inject("databaseUrl");
    await createDatabaseIfMissing(withDatabase(stackUrl, "postgres"), DATABASE);
    const databaseUrl = withDatabase(stackUrl, DATABASE);
    // What `npm run dev` leaves behind: migrations, the example case and the development accounts.
    await applyMigrations(databaseUrl);
    const seeded = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/db.ts", "seed"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "development" },
      encoding: "utf8",
    });
    expect(seeded.status, seeded.stderr).toBe(0);

    const refused = start(databaseUrl, await freePort());
    const code = await Promise.race([refused.exited, sleep(120_000).then(() => "still running")]);
    expect(code, refused.output()).toBe(1);
    const lines = refused.output().trim().split("\n");
    expect(lines.at(-1)).toMatch(
      /^parley: this database has development staff accounts .*admin@parley\.test.*journalist@parley\.test.*npm run user:deactivate-dev$/,
    );

    const fixed = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/user-deactivate-dev.ts"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
    });
    expect(fixed.status, fixed.stderr).toBe(0);
    expect(fixed.stdout).toMatch(/Deactivated admin@parley\.test, journalist@parley\.test/);

    const port = await freePort();
    const started = start(databaseUrl, port);
    await waitForHttp(`http://127.0.0.1:${port}/`, 120_000).catch((error) => {
      throw new Error(`${(error as Error).message}\n${started.output()}`);
    });
    expect(started.child.exitCode).toBeNull();
  });
});
