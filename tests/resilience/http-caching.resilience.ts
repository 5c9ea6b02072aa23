// A fresh `npm start`, as an operator runs it: every anonymous public surface says how a
// shared cache may keep it (public, s-maxage, stale-while-revalidate, stale-if-error, a
// validator, Vary), staff and signed-in answers are private, no-store; then SIGINT to the
// process npm runs (npm `exec`s node) ends an open event stream cleanly, drains, stops the
// embedded PostgreSQL and exits 0.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpSession } from "@/tests/harness/staff-client";
import {
  isAlive,
  killGroup,
  npmStart,
  postgresProcesses,
  prepareDataFolder,
  processes,
  waitUntil,
  type PreparedFolder,
  type Served,
} from "./serve-process";

const SLUG = "sweida-prisoner-exchange";
const PUBLIC = /^public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+, stale-if-error=\d+$/;

let folder: PreparedFolder;
let app: Served | undefined;

beforeAll(async () => {
  folder = await prepareDataFolder();
  app = await npmStart(folder.dataDir);
}, 240_000);

afterAll(() => killGroup(app));

async function shareImagePath(): Promise<string> {
  const html = await (await fetch(`${app!.baseUrl}/negotiations/${SLUG}`)).text();
  const url = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
  if (!url) throw new Error("The reader page has no og:image");
  const parsed = new URL(url.replaceAll("&amp;", "&"));
  return parsed.pathname + parsed.search;
}

describe("HTTP caching headers on a fresh npm start", () => {
  it("anonymous public surfaces are publicly cacheable with a validator and Vary; 304 on revalidation", async () => {
    const surfaces = [
      "/",
      `/negotiations/${SLUG}`,
      `/negotiations/${SLUG}/corrections`,
      `/negotiations/${SLUG}/feed.xml`,
      `/negotiations/${SLUG}/atom.xml`,
      "/feed.xml",
      "/sitemap.xml",
      "/api/v1/negotiations",
      `/api/v1/negotiations/${SLUG}`,
      `/api/v1/negotiations/${SLUG}/developments`,
      `/embed/negotiations/${SLUG}`,
      await shareImagePath(),
    ];
    const rows: string[] = [];
    for (const path of surfaces) {
      const response = await fetch(app!.baseUrl + path, { headers: { "accept-encoding": "gzip" } });
      await response.arrayBuffer();
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toMatch(PUBLIC);
      const etag = response.headers.get("etag");
      const lastModified = response.headers.get("last-modified");
      expect(etag ?? lastModified, `${path} has a validator`).toBeTruthy();
      expect(response.headers.get("vary") ?? "", path).toMatch(/accept-encoding/i);
      const conditional = await fetch(app!.baseUrl + path, {
        headers: etag ? { "if-none-match": etag } : { "if-modified-since": lastModified! },
      });
      await conditional.arrayBuffer();
      expect(conditional.status, `${path} revalidates`).toBe(304);
      expect(conditional.headers.get("content-security-policy"), `${path}: a 304 carries no new nonce`).toBeNull();
      rows.push(`${path} → ${response.headers.get("cache-control")}; ${etag ? "ETag" : "Last-Modified"}; 304`);
    }
    console.log(`caching headers:\n  ${rows.join("\n  ")}`);
  });

  it("staff pages and signed-in readers' answers are private, no-store", async () => {
    const staff = await new HttpSession(app!.baseUrl).signIn(folder.staff.journalist);
    for (const path of ["/editor", `/negotiations/${SLUG}`, `/api/v1/negotiations/${SLUG}`]) {
      const response = await staff.fetch(path);
      await response.arrayBuffer();
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toBe("private, no-store");
    }
  });
});

describe("signals", () => {
  it("SIGINT to npm start's process ends open event streams, drains, stops PostgreSQL and exits 0", async () => {
    const stream = await fetch(`${app!.baseUrl}/api/v1/negotiations/${SLUG}/events`);
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toMatch(/^retry: \d+/);
    const group = app!.npm.pid!;
    const serving = processes().filter((p) => p.pgid === group);
    const postgres = postgresProcesses(folder.dataDir);
    const stoppedAt = Date.now();
    process.kill(group, "SIGINT");
    // The stream ends as a stream (done), not as a reset connection: the server closed it.
    let received = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      received += decoder.decode(chunk.value);
    const streamEndedMs = Date.now() - stoppedAt;
    const exit = await app!.exited;
    const stopMs = Date.now() - stoppedAt;
    expect(exit.code).toBe(0);
    // tsx's esbuild helpers leave when their parent's pipe closes, a moment after it exits.
    await waitUntil(() => serving.every((p) => !isAlive(p.pid)), 5_000, "every process npm start ran has exited");
    expect(postgres.filter(isAlive), "PostgreSQL stopped").toEqual([]);
    expect(received).not.toMatch(/event: change/);
    // Well inside the 10 s drain bound: an open stream no longer holds the shutdown up.
    expect(stopMs).toBeLessThan(8_000);
    console.log(
      `signals: SIGINT → event stream ended after ${streamEndedMs} ms, exit 0 after ${stopMs} ms, ${serving.length} processes and PostgreSQL gone`,
    );
    app = undefined;
  });
});
