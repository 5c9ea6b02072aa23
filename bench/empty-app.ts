// The reference for client JavaScript: a one-page App Router app (a layout and
// a page rendering one heading) built with this project's own Next.js from its
// node_modules, served by `next start`, and measured the same way as the reader
// page. Built once per Next.js version; the number is kept in bench/results/.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort, waitForHttp } from "@/tests/harness/stack";
import { clientJs, nextVersion, type ClientJs } from "./tools";

const CACHE_FILE = path.resolve("bench/results/empty-app-router.json");

type Cached = ClientJs & { nextVersion: string; measuredAt: string };

export async function emptyAppClientJs(log: (line: string) => void): Promise<Cached> {
  const version = nextVersion();
  if (existsSync(CACHE_FILE)) {
    const cached = JSON.parse(readFileSync(CACHE_FILE, "utf8")) as Cached;
    if (cached.nextVersion === version) return cached;
  }
  log(`empty App Router page: building a one-page app with Next.js ${version} (once per version)…`);
  // Inside the project (in git-ignored .next/) so Turbopack resolves next and react from its node_modules.
  await mkdir(path.resolve(".next"), { recursive: true });
  const dir = await mkdtemp(path.resolve(".next/bench-empty-app-"));
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  try {
    await mkdir(path.join(dir, "app"));
    await writeFile(
      path.join(dir, "package.json"),
      JSON.stringify({ name: "empty-app-router", private: true, type: "module" }),
    );
    await writeFile(
      path.join(dir, "next.config.js"),
      `export default { turbopack: { root: ${JSON.stringify(process.cwd())} } };\n`,
    );
    await writeFile(
      path.join(dir, "app", "layout.jsx"),
      `export default function RootLayout({ children }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}\n`,
    );
    await writeFile(
      path.join(dir, "app", "page.jsx"),
      `export default function Page() {\n  return <h1>Empty</h1>;\n}\n`,
    );
    const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
    const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: dir, env, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`Building the empty app failed:\n${build.stdout}\n${build.stderr}`);
    const port = await freePort();
    const server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: dir,
      env,
      stdio: "ignore",
    });
    try {
      const url = `http://127.0.0.1:${port}/`;
      await waitForHttp(url, 30_000);
      const html = await (await fetch(url)).text();
      const measured: Cached = {
        ...(await clientJs(url, html)),
        nextVersion: version,
        measuredAt: new Date().toISOString(),
      };
      await writeFile(CACHE_FILE, `${JSON.stringify(measured, null, 2)}\n`);
      return measured;
    } finally {
      server.kill("SIGTERM");
      await sleep(200);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
