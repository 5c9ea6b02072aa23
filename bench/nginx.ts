// The static baseline: nginx with one worker, from a configuration generated in
// a temporary folder, run in the foreground (`daemon off`) as a child process
// and stopped at the end. No system nginx configuration is read or touched
// (`-c` and `-p` point into the temporary folder; `-e` moves the early error log there too).
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort, waitForHttp } from "@/tests/harness/stack";
import { stopChild } from "./tools";

export type StaticSite = { pid: number; url(name: string): string; stop(): Promise<void> };

/** Serves each `files` entry at `/<name>` (`.html` as text/html, anything else as text/plain). */
export async function startNginx(nginx: string, files: Record<string, Buffer>): Promise<StaticSite> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "parley-bench-nginx-"));
  const root = path.join(dir, "www");
  // Started as root, nginx's worker runs as an unprivileged user: it must be able to read what it serves.
  await chmod(dir, 0o755);
  await mkdir(root, { mode: 0o755 });
  await mkdir(path.join(dir, "tmp"));
  for (const [name, body] of Object.entries(files)) await writeFile(path.join(root, name), body, { mode: 0o644 });
  const port = await freePort();
  const conf = path.join(dir, "nginx.conf");
  // sendfile, tcp_nopush and a high keepalive_requests: nginx as it would be configured to serve files,
  // and no connection closed every 1,000 requests (the app never closes a busy keep-alive connection).
  await writeFile(
    conf,
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { text/html html; }
  default_type "text/plain; charset=utf-8";
  charset utf-8;
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp;
  uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  server { listen 127.0.0.1:${port}; root ${root}; }
}
`,
  );
  const child: ChildProcess = spawn(nginx, ["-c", conf, "-p", dir, "-e", path.join(dir, "error.log")], {
    stdio: "ignore",
  });
  const base = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    await stopChild(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForHttp(base + Object.keys(files)[0], 15_000);
    // Every file must come back whole with a 200: a 403 or 404 would make a fast, meaningless baseline.
    for (const [name, body] of Object.entries(files)) {
      const response = await fetch(base + name);
      const served = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200 || !served.equals(body))
        throw new Error(
          `nginx served /${name} with HTTP ${response.status} and ${served.length} of ${body.length} bytes`,
        );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid: child.pid!, url: (name) => base + name, stop };
}
