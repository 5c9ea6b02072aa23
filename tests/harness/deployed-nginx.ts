// deploy/nginx-parley.conf as committed, run unprivileged in a temporary prefix with Debian's
// /usr/sbin/nginx, its upstream servers and listen address rewritten for this run. Used by the
// multi-instance resilience test and the benchmark's several-instances rows.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { waitForHttp } from "./stack";

export const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((candidate) => existsSync(candidate));

export type DeployedNginx = { url: string; pid: number; stop(): Promise<void> };

/** deploy/nginx-parley.conf as committed, with this run's instance ports and listen address. */
export async function startDeployedNginx(instancePorts: number[], port: number): Promise<DeployedNginx> {
  if (!NGINX) throw new Error("nginx is not installed (apt-get install nginx); .ci/run installs it");
  const dir = await mkdtemp(path.join(os.tmpdir(), "parley-nginx-"));
  await chmod(dir, 0o755);
  await mkdir(path.join(dir, "tmp"), { mode: 0o777 });
  await chmod(path.join(dir, "tmp"), 0o777);
  const committed = readFileSync("deploy/nginx-parley.conf", "utf8");
  const servers = instancePorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join("\n");
  const site = committed
    .replace(/(?: {4}server 127\.0\.0\.1:\d+[^\n]*\n)+/, `${servers}\n`)
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replace(/proxy_cache_path \S+/, `proxy_cache_path ${path.join(dir, "cache")}`);
  if (
    !site.includes(`127.0.0.1:${instancePorts.at(-1)}`) ||
    !site.includes(`listen 127.0.0.1:${port}`) ||
    !site.includes(`proxy_cache_path ${path.join(dir, "cache")}`)
  )
    throw new Error(
      "deploy/nginx-parley.conf no longer has the upstream/listen/proxy_cache_path lines this test rewrites",
    );
  // nginx drops every server-level proxy_set_header (Host, X-Forwarded-For, the blanked
  // forwarding headers) in a location that sets one of its own: keep them all at server level.
  const locations = site.replace(/#[^\n]*/g, "").match(/location [^{]*\{[^}]*\}/g) ?? [];
  if (locations.some((block) => block.includes("proxy_set_header")))
    throw new Error("deploy/nginx-parley.conf: a location sets proxy_set_header, so it loses the server's");
  await writeFile(path.join(dir, "parley.conf"), site);
  const tmp = path.join(dir, "tmp");
  await writeFile(
    path.join(dir, "nginx.conf"),
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${tmp}; proxy_temp_path ${tmp}; fastcgi_temp_path ${tmp}; uwsgi_temp_path ${tmp}; scgi_temp_path ${tmp};
  include ${dir}/parley.conf;
}
`,
  );
  const child = spawn(NGINX, ["-c", path.join(dir, "nginx.conf"), "-p", dir, "-e", path.join(dir, "error.log")], {
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`${url}/`, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid!, stop };
}
