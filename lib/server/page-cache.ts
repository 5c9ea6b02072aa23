// Rendered public pages, feeds and API answers, kept briefly in memory by the
// production server (scripts/app-server.ts) so a spike of readers costs one
// render per address, not one per reader. It is a shared cache in HTTP's sense:
// what it stores and reuses follows RFC 9111 (through http-cache-semantics), and
// the page is rendered from a request stripped to the headers a public page may
// depend on, so no reader's headers can shape what the next reader gets.
// Every page carries a per-response CSP nonce; a cached copy gets a fresh nonce
// on each hit, so nonces are never shared between readers.
// No Next.js or server-only imports: the server loads this outside the bundle.
import { createHash, randomBytes } from "node:crypto";
import CachePolicy from "http-cache-semantics";
import { isPublicAddress } from "./public-addresses";

/** The request a cached page is rendered from and looked up with. */
export type RenderRequest = { method: "GET"; url: string; headers: Record<string, string> };

export type CachedPage = {
  status: number;
  headers: [string, string][];
  /** The body cut at every occurrence of its nonce (one piece when it has none). */
  pieces: Buffer[];
  nonce: string | null;
  etag: string | null;
  storedAt: number;
  /** HTTP's verdict on this response for a shared cache: storability, freshness, Vary. */
  policy: CachePolicy;
  /**
   * Whether HTTP lets a shared cache reuse it without asking: its shared max-age in ms (0: never).
   * Only "never" matters here: how long this cache keeps a page is its own limit (ttlMs), since
   * every change empties it (see PageCache); s-maxage is for caches in front, which hear of none.
   */
  lifetimeMs: number;
  /** How long after that it may still be served while a fresh copy renders (stale-while-revalidate), in ms. */
  staleWhileRevalidateMs: number;
};

/** A stored page that may answer a request: fresh, or stale and due for a render in the background. */
export type CacheLookup = { page: CachedPage; fresh: boolean };

const REGISTRY = Symbol.for("parley.public-page-cache");

/** Headers that describe one transfer, not the page. */
const TRANSFER_HEADERS = new Set([
  "content-encoding",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
]);

/**
 * The only request headers a render for the cache receives. A public page depends on its
 * address alone: Next's internal and routing headers (x-middleware-prefetch, rsc, next-url,
 * x-forwarded-host, …), cache directives, user agents and languages are never forwarded, so
 * none of them can change what every later reader is served. The client address is set by
 * the server from the socket (see lib/security/forwarded-for.ts).
 */
export const RENDER_REQUEST_HEADERS = ["host", "x-forwarded-for"] as const;

/** The request the cache renders from and looks pages up with. */
export function renderRequest(url: string, headers: CacheableRequest["headers"]): RenderRequest {
  const kept: Record<string, string> = {};
  for (const name of RENDER_REQUEST_HEADERS) {
    const value = headers[name];
    // Host names are case-insensitive: one spelling, so "Parley.example" cannot force a miss
    // (http-cache-semantics compares the Host header exactly).
    if (typeof value === "string") kept[name] = name === "host" ? value.toLowerCase() : value;
  }
  return { method: "GET", url, headers: kept };
}

/** The cache key: the absolute address, as HTTP caches key (host and path with query). */
export function cacheKey(request: RenderRequest): string {
  return `${request.headers.host ?? ""} ${request.url}`;
}

export type CacheableRequest = {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
};

/**
 * Only a plain anonymous GET/HEAD of a public address: no cookies (staff may
 * see more), no React Server Components or server-action traffic, short URLs.
 * Client navigations (rsc, next-router-*) go straight to Next and are never stored.
 */
export function isCacheableRequest(request: CacheableRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const url = request.url ?? "";
  if (url.length > 512) return false;
  const pathname = url.split("?")[0]!;
  if (!isPublicAddress(pathname)) return false;
  const headers = request.headers;
  return (
    !headers.cookie &&
    !headers.authorization &&
    !headers.rsc &&
    !headers["next-action"] &&
    !headers["next-router-prefetch"] &&
    !headers["next-router-segment-prefetch"] &&
    !headers["next-router-state-tree"]
  );
}

function headerObject(headers: Headers): Record<string, string> {
  const object: Record<string, string> = {};
  headers.forEach((value, name) => {
    object[name] = value;
  });
  return object;
}

/** RFC 9111's rules for a shared cache, applied to one response. */
export function cachePolicy(request: RenderRequest, status: number, headers: Headers): CachePolicy {
  return new CachePolicy(request, { status, headers: headerObject(headers) }, { shared: true });
}

/**
 * A response worth keeping: a whole 200 that HTTP lets a shared cache store and reuse without
 * asking again (so never private, no-store, no-cache or without a freshness lifetime), and
 * that sets no cookie (one reader's cookie must never reach another).
 */
export function isCacheableResponse(status: number, headers: Headers, policy: CachePolicy): boolean {
  return status === 200 && !headers.has("set-cookie") && policy.storable() && policy.timeToLive() > 0;
}

export function nonceOf(policy: string | null): string | null {
  return policy ? (/'nonce-([^']+)'/.exec(policy)?.[1] ?? null) : null;
}

function cut(body: Buffer, separator: string | null): Buffer[] {
  if (!separator) return [body];
  const needle = Buffer.from(separator, "utf8");
  const pieces: Buffer[] = [];
  let start = 0;
  for (let found = body.indexOf(needle); found !== -1; found = body.indexOf(needle, start)) {
    pieces.push(body.subarray(start, found));
    start = found + needle.length;
  }
  pieces.push(body.subarray(start));
  return pieces;
}

export function toCachedPage(
  request: RenderRequest,
  status: number,
  headers: Headers,
  body: Buffer,
  now = Date.now(),
): CachedPage {
  const kept: [string, string][] = [];
  headers.forEach((value, name) => {
    if (!TRANSFER_HEADERS.has(name)) kept.push([name, value]);
  });
  const nonce = nonceOf(headers.get("content-security-policy"));
  const policy = cachePolicy(request, status, headers);
  const pieces = cut(body, nonce);
  let etag = headers.get("etag");
  if (!etag && !headers.has("last-modified") && status === 200) {
    // Pages and feeds carry no validator of their own: a weak one over the body without its
    // per-response nonce, so a reader or a cache in front revalidates with a bodiless 304.
    const hash = createHash("sha256");
    for (const piece of pieces) hash.update(piece);
    etag = `W/"${hash.digest("base64url").slice(0, 27)}"`;
    kept.push(["etag", etag]);
  }
  return {
    status,
    headers: kept,
    pieces,
    nonce,
    etag,
    storedAt: now,
    policy,
    lifetimeMs: isCacheableResponse(status, headers, policy) ? policy.maxAge() * 1000 : 0,
    staleWhileRevalidateMs: staleWhileRevalidateSeconds(policy) * 1000,
  };
}

/** The response's stale-while-revalidate (RFC 5861), as http-cache-semantics parsed it. */
function staleWhileRevalidateSeconds(policy: CachePolicy): number {
  const value = Number(policy.toObject().rescc["stale-while-revalidate"]);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** Random bytes drawn from the system's CSPRNG in batches: one call per 256 nonces, not per reader. */
const NONCE_BYTES = 16;
let noncePool = Buffer.alloc(0);
let noncePoolOffset = 0;

/** 128 random bits, base64: each drawn once (a batch of randomBytes costs ~6 % of a cached answer's CPU when drawn one by one). */
export function freshNonce(): string {
  if (noncePoolOffset + NONCE_BYTES > noncePool.length) {
    noncePool = randomBytes(NONCE_BYTES * 256);
    noncePoolOffset = 0;
  }
  const nonce = noncePool.toString("base64", noncePoolOffset, noncePoolOffset + NONCE_BYTES);
  noncePoolOffset += NONCE_BYTES;
  return nonce;
}

/**
 * The cached response with its nonce replaced everywhere (script tags and the
 * policy header), as pieces to write in order: no copy of the page per reader.
 */
export function withFreshNonce(
  page: CachedPage,
  nonce = freshNonce(),
): { headers: [string, string][]; body: Buffer[]; length: number } {
  const length = page.pieces.reduce((sum, piece) => sum + piece.length, 0);
  if (!page.nonce) return { headers: page.headers, body: page.pieces, length };
  const old = page.nonce;
  const fresh = Buffer.from(nonce, "utf8");
  const body: Buffer[] = [];
  page.pieces.forEach((piece, index) => {
    if (index > 0) body.push(fresh);
    body.push(piece);
  });
  return {
    headers: page.headers.map(([name, value]) => [name, value.split(old).join(nonce)]),
    body,
    length: length + (page.pieces.length - 1) * fresh.length,
  };
}

/** If-None-Match against the cached ETag, as the API itself answers it. */
export function isNotModified(page: CachedPage, ifNoneMatch: string | undefined): boolean {
  if (!page.etag || !ifNoneMatch) return false;
  const etag = page.etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || tag.trim().replace(/^W\//, "") === etag);
}

export type PageCacheOptions = { ttlMs?: number; maxEntries?: number; now?: () => number };

/**
 * A small LRU with a time limit. Staff writes clear it at once in this process
 * (see clearPublicPageCache) and, through PostgreSQL LISTEN/NOTIFY, on every other instance
 * (cross-instance-invalidation.ts); the time limit only bounds a lost notification.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly rendering = new Map<string, Promise<CachedPage | null>>();
  private generation = 0;
  readonly ttlMs: number;
  readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: PageCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 500;
    this.now = options.now ?? Date.now;
  }

  /**
   * The stored page for this key, if HTTP lets it answer this request (what its Vary names
   * matches) and it is fresh (within this cache's limit) or stale within its
   * stale-while-revalidate window. A stale page is still served, as the
   * response's own Cache-Control promises any shared cache may do, and the caller renders a
   * fresh copy in the background (revalidate): readers arriving when a copy expires never
   * queue behind its render. Staleness is only ever age: staff writes on any instance clear
   * the whole cache (clearPublicPageCache, cross-instance-invalidation.ts).
   */
  lookup(key: string, request: RenderRequest): CacheLookup | null {
    const page = this.pages.get(key);
    if (!page) return null;
    const age = this.now() - page.storedAt;
    // Not the page's s-maxage (1 s by default, for caches in front that hear of no change): this
    // cache is emptied on every change, so its own limit only bounds a lost notification.
    const freshFor = this.ttlMs;
    if (age >= freshFor + page.staleWhileRevalidateMs) {
      this.pages.delete(key);
      return null;
    }
    // HTTP decides whether this request may reuse the page (what its Vary names matches); its age
    // is judged above, by this cache's own limit. max-stale (RFC 9111 5.2.1.2) is how a request
    // says "any age will do", so the library does not also judge it by s-maxage.
    const anyAge = { ...request, headers: { ...request.headers, "cache-control": "max-stale" } };
    if (!page.policy.evaluateRequest(anyAge).response) return null;
    // Re-insert: Map order is the LRU order.
    this.pages.delete(key);
    this.pages.set(key, page);
    return { page, fresh: age < freshFor };
  }

  /** The stored page for this key only while it is fresh (see lookup). */
  get(key: string, request: RenderRequest): CachedPage | null {
    const found = this.lookup(key, request);
    return found?.fresh ? found.page : null;
  }

  /**
   * Renders a fresh copy of a stale page in the background; at most one render per key (a
   * render already under way is joined). A failed render keeps the stale copy until its window
   * ends, so a brief outage does not empty the cache (what stale-if-error allows, and more
   * narrowly).
   */
  revalidate(key: string, render: () => Promise<CachedPage | null>, onError: (error: unknown) => void): void {
    this.fill(key, render).catch(onError);
  }

  /**
   * One render per key at a time: readers arriving while a page renders wait
   * for that render. A render that started before a clear() is not stored, and
   * neither is one HTTP forbids a shared cache to keep (lifetimeMs 0).
   */
  async fill(key: string, render: () => Promise<CachedPage | null>): Promise<CachedPage | null> {
    const pending = this.rendering.get(key);
    if (pending) return pending;
    const generation = this.generation;
    const promise = render()
      .then((page) => {
        if (!page || page.lifetimeMs <= 0) return null;
        if (generation === this.generation) this.store(key, page);
        return page;
      })
      .finally(() => {
        if (this.rendering.get(key) === promise) this.rendering.delete(key);
      });
    this.rendering.set(key, promise);
    return promise;
  }

  private store(key: string, page: CachedPage): void {
    this.pages.delete(key);
    this.pages.set(key, { ...page, storedAt: this.now() });
    while (this.pages.size > this.maxEntries) this.pages.delete(this.pages.keys().next().value!);
  }

  clear(): void {
    this.generation++;
    this.pages.clear();
    this.rendering.clear();
  }

  get size(): number {
    return this.pages.size;
  }

  /** Makes this the cache clearPublicPageCache() empties (one per process). */
  register(): this {
    (globalThis as Record<symbol, unknown>)[REGISTRY] = this;
    return this;
  }
}

/** Called by the data layer after any change readers can see. A no-op without the production server. */
export function clearPublicPageCache(): void {
  ((globalThis as Record<symbol, unknown>)[REGISTRY] as PageCache | undefined)?.clear();
}
