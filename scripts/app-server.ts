// The production HTTP server (`npm start` runs it): Next.js's request handler
// behind a short-lived cache of rendered public pages (lib/server/page-cache.ts).
// Everything else — staff pages, APIs, feeds, embeds, assets — goes straight to
// Next.js. Cache misses render through a loopback listener so the response can
// be read whole, then stored and served with a fresh CSP nonce.
// Every request first has its client-address headers made trustworthy
// (lib/security/forwarded-for.ts). Logs are JSON lines (lib/log.ts).
// Usage: node --import tsx scripts/app-server.ts [-p PORT] [-H HOST]
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { promisify } from "node:util";
import zlib from "node:zlib";
import next from "next";
import { env } from "@/lib/env";
import { errorFields, log, untrusted } from "@/lib/log";
import { trustForwardingHeaders } from "@/lib/security/forwarded-for";
import {
  PageCache,
  cacheKey,
  isCacheableRequest,
  isNotModified,
  renderRequest,
  toCachedPage,
  withFreshNonce,
  type CachedPage,
  type RenderRequest,
} from "@/lib/server/page-cache";
import { ChangeFeed, registerChangeFeed } from "@/lib/server/change-feed";
import { invalidateOnChange } from "@/lib/server/cross-instance-invalidation";
import { answerOutagesWith503, answerWithinDeadline, REQUEST_DEADLINE_MS } from "@/lib/server/outage-response";

// Started by scripts/serve.ts with an IPC channel. If that process dies while this one is still
// starting (Next's prepare takes seconds), stop at once: its database went with it, and an orphan
// would hold the port answering 503s with nobody watching (seen when serve.ts failed to load a module).
const exitWhileStarting = () => process.exit(1);
if (process.connected) process.once("disconnect", exitWhileStarting);

const gzip = promisify(zlib.gzip);
const NOT_MODIFIED_HEADERS = new Set(["cache-control", "content-location", "date", "etag", "expires", "last-modified"]);

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  allowPositionals: true,
});
const settings = env();
const port = Number(values.port ?? settings.PORT);
const hostname = values.hostname ?? settings.HOSTNAME;
const cacheSeconds = settings.PARLEY_PAGE_CACHE_SECONDS;
const trustedHops = settings.PARLEY_TRUSTED_PROXY_HOPS;
const cache = cacheSeconds > 0 ? new PageCache({ ttlMs: cacheSeconds * 1000 }).register() : null;

// Staff writes on any instance reach this one through PostgreSQL LISTEN/NOTIFY (lib/server/change-feed.ts):
// its pages and reader data are forgotten at once, and the event streams tell open pages.
if (!settings.DATABASE_URL) throw new Error("DATABASE_URL is not set: start the server through `npm start`.");
const changes = registerChangeFeed(new ChangeFeed({ connectionString: settings.DATABASE_URL }).start());
invalidateOnChange(changes, cache);

// proxy.ts (in this process) needs the host name Next resolves internal rewrites against.
const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

// Renders cache misses: the same handler, reachable only from this process.
const renderer = http.createServer((request, response) => void handle(request, response));
await new Promise<void>((resolve) => renderer.listen(0, "127.0.0.1", resolve));
const rendererPort = (renderer.address() as AddressInfo).port;
const rendererAgent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/**
 * Renders a page from the stripped request (only the headers in RENDER_REQUEST_HEADERS: no
 * Accept-Encoding, since the cache keeps plain text and compresses on the way out; no
 * conditional headers, since 304s are answered from the whole page).
 */
function render(request: RenderRequest): Promise<CachedPage> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: "127.0.0.1",
        port: rendererPort,
        method: "GET",
        path: request.url,
        headers: request.headers,
        agent: rendererAgent,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("error", reject);
        incoming.on("end", () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
              responseHeaders.append(name, item);
          }
          resolve(toCachedPage(request, incoming.statusCode ?? 500, responseHeaders, Buffer.concat(chunks)));
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end();
  });
}

async function send(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  page: CachedPage,
  state: "hit" | "stale" | "miss",
): Promise<void> {
  const { headers, body, length } = withFreshNonce(page);
  // A 304 carries only what updates the reader's stored copy (RFC 9110 15.4.5): never a new CSP
  // nonce, which would no longer match the scripts of the copy it keeps.
  const notModified = isNotModified(page, request.headers["if-none-match"] as string | undefined);
  response.statusCode = notModified ? 304 : page.status;
  for (const [name, value] of headers) {
    if (name !== "vary" && (!notModified || NOT_MODIFIED_HEADERS.has(name))) response.appendHeader(name, value);
  }
  const vary = (headers.find(([name]) => name === "vary")?.[1] ?? "").split(",").map((field) => field.trim());
  if (!vary.some((field) => field.toLowerCase() === "accept-encoding")) vary.push("Accept-Encoding");
  response.setHeader("vary", vary.filter(Boolean).join(", "));
  response.setHeader("x-parley-page-cache", state);
  // A copy within this cache's lifetime is as current as a new render (every change empties the
  // cache), so it goes out as one: an Age of up to 60 s would make a CDN in front count the
  // copy as already past its s-maxage of 1 s and never keep it. A stale copy (one that outlived
  // the lifetime, as after a lost notification) says how old it is.
  if (state === "stale") response.setHeader("age", String(Math.floor(page.policy.age())));
  if (notModified) return void response.end();
  if (/\bgzip\b/.test(String(request.headers["accept-encoding"] ?? "")) && body.length > 0) {
    const compressed = await gzip(Buffer.concat(body), { level: 1 });
    response.setHeader("content-encoding", "gzip");
    response.setHeader("content-length", compressed.length);
    response.end(request.method === "HEAD" ? undefined : compressed);
    return;
  }
  response.setHeader("content-length", body.length === 0 ? 0 : length);
  if (request.method === "HEAD") return void response.end();
  // Corked writes leave as one writev: the pieces are never copied into one buffer.
  response.cork();
  for (const piece of body) response.write(piece);
  response.end();
}

async function serve(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  trustForwardingHeaders(request.headers, request.socket.remoteAddress, trustedHops);
  if (!cache || !isCacheableRequest(request)) return void handle(request, response);
  try {
    const stripped = renderRequest(request.url!, request.headers);
    const key = cacheKey(stripped);
    const cached = cache.lookup(key, stripped);
    if (cached && !cached.fresh)
      cache.revalidate(
        key,
        () => render(stripped),
        (error) => log.warn({ ...errorFields(error), url: untrusted(request.url) }, "background render failed"),
      );
    if (cached) return await send(request, response, cached.page, cached.fresh ? "hit" : "stale");
    let rendered = null as CachedPage | null;
    const stored = await cache.fill(key, async () => (rendered = await render(stripped)));
    // Readers who waited on another reader's render get that result; a page not worth keeping is relayed as is.
    const page = stored ?? rendered;
    if (page) return await send(request, response, page, "miss");
    return void handle(request, response);
  } catch (error) {
    log.error({ ...errorFields(error), url: untrusted(request.url) }, "page cache failed; rendering directly");
    if (!response.headersSent) return void handle(request, response);
    response.destroy();
  }
}

const server = http.createServer((request, response) => {
  // Database outages answer 503 + Retry-After, never 500 or a hang (lib/server/outage-response.ts).
  answerOutagesWith503(response);
  const reading = request.method === "GET" || request.method === "HEAD";
  answerWithinDeadline(response, reading ? REQUEST_DEADLINE_MS : 2 * REQUEST_DEADLINE_MS);
  serve(request, response).catch((error: unknown) => {
    log.error({ ...errorFields(error), url: untrusted(request.url) }, "request failed");
    if (response.headersSent) return void response.destroy();
    response.statusCode = 500;
    response.end();
  });
});

server.listen(port, hostname, () => {
  log.info(
    { url: `http://${hostname ?? "localhost"}:${port}`, pageCacheSeconds: cacheSeconds, trustedProxyHops: trustedHops },
    "serving",
  );
});

let closing = false;
function shutdown(): void {
  if (closing) return;
  closing = true;
  // Finish requests in flight, then leave; never wait more than 10 s (then exit 1: it did not drain).
  setTimeout(() => {
    console.error("parley: requests still open after 10 s; exiting anyway");
    process.exit(1);
  }, 10_000);
  // Event streams never end on their own: closing the feed ends them, so the server can drain.
  void changes.close();
  server.close(() => renderer.close(() => process.exit(0)));
  server.closeIdleConnections();
  renderer.closeIdleConnections();
  rendererAgent.destroy();
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
// Started by scripts/serve.ts with an IPC channel: when that process dies (even by SIGKILL), the
// channel closes and this server stops too, instead of holding the port with nobody watching it.
process.off("disconnect", exitWhileStarting);
if (process.connected) process.on("disconnect", shutdown);
