// Rendered public pages, feeds and API answers, kept briefly in memory by the
// production server (scripts/app-server.ts) so a spike of readers costs one
// render per address, not one per reader. Every page carries a per-response CSP nonce; a cached copy
// gets a fresh nonce on each hit, so nonces are never shared between readers.
// No Next.js or server-only imports: the server loads this outside the bundle.
import { randomBytes } from "node:crypto";

export type CachedPage = {
  status: number;
  headers: [string, string][];
  /** The body cut at every occurrence of its nonce (one piece when it has none). */
  pieces: Buffer[];
  nonce: string | null;
  etag: string | null;
  storedAt: number;
};

const REGISTRY = Symbol.for("parley.public-page-cache");

/**
 * What readers fetch without signing in: pages, feeds, the read API and embeds.
 * Staff areas, sign-in, exports and assets are never cached here.
 */
const PUBLIC_RESPONSE = new RegExp(
  "^/(?:" +
    [
      "",
      "negotiations/[^/]+(?:/corrections|/feed\\.xml|/atom\\.xml)?",
      "actors/[^/]+",
      "sources/[^/]+",
      "about/[^/]+",
      "developers",
      "feed\\.xml",
      "atom\\.xml",
      "sitemap\\.xml",
      "api/v1/negotiations(?:/[^/]+(?:/developments)?)?",
      "embed/negotiations/[^/]+",
    ].join("|") +
    ")$",
);

/** Headers that describe one transfer, not the page. */
const TRANSFER_HEADERS = new Set([
  "content-encoding",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
]);

export type CacheableRequest = {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
};

/**
 * Only a plain anonymous GET/HEAD of a public address: no cookies (staff may
 * see more), no React Server Components or server-action traffic, short URLs.
 */
export function isCacheableRequest(request: CacheableRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const url = request.url ?? "";
  if (url.length > 512) return false;
  const pathname = url.split("?")[0]!;
  if (!PUBLIC_RESPONSE.test(pathname)) return false;
  const headers = request.headers;
  return (
    !headers.cookie &&
    !headers.authorization &&
    !headers.rsc &&
    !headers["next-action"] &&
    !headers["next-router-prefetch"] &&
    !headers["next-router-state-tree"]
  );
}

/** A response worth keeping: a whole 200 that sets no cookie. */
export function isCacheableResponse(status: number, headers: Headers): boolean {
  return status === 200 && !headers.has("set-cookie");
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

export function toCachedPage(status: number, headers: Headers, body: Buffer, now = Date.now()): CachedPage {
  const kept: [string, string][] = [];
  headers.forEach((value, name) => {
    if (!TRANSFER_HEADERS.has(name)) kept.push([name, value]);
  });
  const nonce = nonceOf(headers.get("content-security-policy"));
  return { status, headers: kept, pieces: cut(body, nonce), nonce, etag: headers.get("etag"), storedAt: now };
}

/**
 * The cached response with its nonce replaced everywhere (script tags and the
 * policy header), as pieces to write in order: no copy of the page per reader.
 */
export function withFreshNonce(
  page: CachedPage,
  nonce = randomBytes(16).toString("base64"),
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
 * (see clearPublicPageCache); the time limit bounds staleness for other instances.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly rendering = new Map<string, Promise<CachedPage | null>>();
  private generation = 0;
  readonly ttlMs: number;
  readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: PageCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 5_000;
    this.maxEntries = options.maxEntries ?? 500;
    this.now = options.now ?? Date.now;
  }

  get(key: string): CachedPage | null {
    const page = this.pages.get(key);
    if (!page) return null;
    if (this.now() - page.storedAt > this.ttlMs) {
      this.pages.delete(key);
      return null;
    }
    // Re-insert: Map order is the LRU order.
    this.pages.delete(key);
    this.pages.set(key, page);
    return page;
  }

  /**
   * One render per key at a time: readers arriving while a page renders wait
   * for that render. A render that started before a clear() is not stored.
   */
  async fill(key: string, render: () => Promise<CachedPage | null>): Promise<CachedPage | null> {
    const pending = this.rendering.get(key);
    if (pending) return pending;
    const generation = this.generation;
    const promise = render()
      .then((page) => {
        if (page && generation === this.generation) this.store(key, page);
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
