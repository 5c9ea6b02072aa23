// `npm start` and `npm run worker` load the job handlers in plain Node with
// `--conditions=react-server` (see scripts/serve.ts), outside Next's bundler. Under that condition
// `react` has no client hooks, so a module that pulls in a React client entry (next-intl's main
// export does, through use-intl/react) kills the process at start, with the embedded database
// stopped behind it. This fails on such an import before a fresh `npm start` does.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");

describe("modules the server loads outside Next.js", () => {
  it("import under --conditions=react-server (job handlers and worker)", async () => {
    const script = [
      `await import(${JSON.stringify(path.join(root, "lib/jobs/handlers.ts"))});`,
      `await import(${JSON.stringify(path.join(root, "lib/jobs/worker.ts"))});`,
      `console.log("imported");`,
    ].join("\n");
    const { stdout } = await run(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "--input-type=module", "--eval", script],
      { cwd: root, env: { ...process.env, NODE_ENV: "production" }, timeout: 60_000 },
    );
    expect(stdout.trim()).toBe("imported");
  }, 90_000);
});
