import { afterEach, describe, expect, it, vi } from "vitest";
import {
  PageCache,
  RENDER_REQUEST_HEADERS,
  cacheKey,
  cachePolicy,
  isCacheableRequest,
  isCacheableResponse,
  isNotModified,
  renderRequest,
  toCachedPage,
  withFreshNonce,
  freshNonce,
} from "./page-cache";

afterEach(() => void vi.useRealTimers());

const OLD = "T2xkTm9uY2VPbGROb25jZQ==";
const READER = renderRequest("/negotiations/sweida", { host: "parley.example", "x-forwarded-for": "203.0.113.5" });
const PUBLIC = "public, max-age=0, s-maxage=5";
const page = (body = `<script nonce="${OLD}">1</script><script nonce="${OLD}">2</script>`, now = 0) =>
  toCachedPage(
    READER,
    200,
    new Headers({
      "content-type": "text/html",
      "content-security-policy": `script-src 'nonce-${OLD}' 'strict-dynamic'`,
      "content-length": "9",
      "cache-control": PUBLIC,
      etag: '"abc"',
    }),
    Buffer.from(body),
    now,
  );

/** A page a shared cache may keep 5 s and then serve stale for 30 s while it renders anew. */
const swr = (body: string) =>
  toCachedPage(
    READER,
    200,
    new Headers({ "cache-control": "public, max-age=0, s-maxage=5, stale-while-revalidate=30" }),
    Buffer.from(body),
  );

/** A render that waits until released, counting how often it was started. */
function gatedRender(result: () => ReturnType<typeof page>) {
  let started = 0;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const render = async () => {
    started++;
    await gate;
    return result();
  };
  return { render, release: () => release(), renders: () => started };
}

describe("which requests the public-page cache serves", () => {
  const get = (url: string, headers: Record<string, string> = {}) =>
    isCacheableRequest({ method: "GET", url, headers });

  it("serves anonymous reads of reader pages, feeds, the read API and embeds", () => {
    for (const url of [
      "/",
      "/?page=2",
      "/negotiations/sweida",
      "/negotiations/sweida/corrections",
      "/negotiations/sweida/feed.xml",
      "/feed.xml",
      "/api/v1/negotiations/sweida",
      "/embed/negotiations/sweida",
      "/sources/afp",
    ]) {
      expect(get(url), url).toBe(true);
    }
  });

  it("never serves staff areas, sign-in, exports, signed-in visitors, React navigations or writes", () => {
    for (const url of [
      "/editor",
      "/admin/sources",
      "/sign-in",
      "/api/editor/negotiations/x/export",
      "/api/auth/session",
      "/negotiations/a/b/c",
    ])
      expect(get(url), url).toBe(false);
    expect(get("/negotiations/sweida", { cookie: "next-auth.session-token=x" })).toBe(false);
    expect(get("/negotiations/sweida", { rsc: "1" })).toBe(false);
    expect(get(`/?${"x".repeat(600)}`)).toBe(false);
    expect(isCacheableRequest({ method: "POST", url: "/negotiations/sweida", headers: { "next-action": "abc" } })).toBe(
      false,
    );
  });
});

describe("what the cache may store (RFC 9111, shared cache)", () => {
  const storable = (status: number, headers: Record<string, string>) => {
    const response = new Headers(headers);
    return isCacheableResponse(status, response, cachePolicy(READER, status, response));
  };

  it("keeps whole 200 answers that a shared cache may reuse for a while", () => {
    expect(storable(200, { "cache-control": PUBLIC })).toBe(true);
    expect(storable(200, { "cache-control": "public, max-age=15, stale-while-revalidate=60" })).toBe(true);
  });

  it("never keeps private, no-store or no-cache answers, nor ones without a lifetime (Next's prefetch bail-out)", () => {
    for (const cacheControl of [
      "private, no-cache, no-store, max-age=0, must-revalidate",
      "private, max-age=60",
      "no-store",
      "no-cache",
      "public, no-cache, max-age=60",
      "public, max-age=0",
      "public, max-age=60, s-maxage=0",
    ])
      expect(storable(200, { "cache-control": cacheControl }), cacheControl).toBe(false);
    expect(storable(200, {}), "no Cache-Control").toBe(false);
  });

  it("never keeps answers that set a cookie, or that are not 200", () => {
    expect(storable(200, { "cache-control": PUBLIC, "set-cookie": "a=b" })).toBe(false);
    expect(storable(404, { "cache-control": PUBLIC })).toBe(false);
    expect(storable(301, { "cache-control": PUBLIC, location: "/x" })).toBe(false);
  });

  it("stores nothing for an answer HTTP forbids, and relays it only to the reader who asked", async () => {
    const cache = new PageCache();
    const bailout = toCachedPage(
      READER,
      200,
      new Headers({ "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" }),
      Buffer.from("{}"),
    );
    expect(await cache.fill(cacheKey(READER), async () => bailout)).toBeNull();
    expect(cache.get(cacheKey(READER), READER)).toBeNull();
    expect(cache.size).toBe(0);
  });

  it("serves a page for the cache's own limit even once HTTP alone would call it too old to serve stale", async () => {
    // http-cache-semantics reads the real clock: move it past s-maxage + stale-while-revalidate (31 s).
    vi.useFakeTimers({ now: 0 });
    const cache = new PageCache({ ttlMs: 60_000 });
    const headers = new Headers({ "cache-control": "public, max-age=0, s-maxage=1, stale-while-revalidate=30" });
    await cache.fill("page", async () => toCachedPage(READER, 200, headers, Buffer.from("a")));
    vi.setSystemTime(40_000);
    expect(cache.lookup("page", READER)).toMatchObject({ fresh: true });
    vi.setSystemTime(75_000);
    expect(cache.lookup("page", READER)).toMatchObject({ fresh: false });
  });

  it("keeps a page for the cache's own limit, whatever its s-maxage (meant for caches in front, which hear of no change)", async () => {
    let now = 0;
    const cache = new PageCache({ ttlMs: 5_000, now: () => now });
    const short = toCachedPage(READER, 200, new Headers({ "cache-control": "public, s-maxage=1" }), Buffer.from("a"));
    await cache.fill("short", async () => short);
    now = 4_900;
    expect(cache.get("short", READER)).not.toBeNull();
    now = 5_000;
    expect(cache.get("short", READER)).toBeNull();
  });

  it("reuses a page only for requests that match what its Vary names", async () => {
    const cache = new PageCache();
    const varying = toCachedPage(
      READER,
      200,
      new Headers({ "cache-control": PUBLIC, vary: "rsc, next-router-state-tree, accept-language" }),
      Buffer.from("page"),
    );
    await cache.fill("k", async () => varying);
    expect(cache.get("k", READER)).not.toBeNull();
    expect(cache.get("k", { ...READER, headers: { ...READER.headers, "accept-language": "ar" } })).toBeNull();
    const star = toCachedPage(READER, 200, new Headers({ "cache-control": PUBLIC, vary: "*" }), Buffer.from("x"));
    await cache.fill("star", async () => star);
    expect(cache.get("star", READER)).toBeNull();
  });
});

describe("the request a cached page is rendered from", () => {
  it("keeps only the host and the server-set client address: no Next-internal, routing or cache headers", () => {
    const hostile = {
      host: "parley.example",
      "x-forwarded-for": "203.0.113.5",
      "x-middleware-prefetch": "1",
      "x-middleware-subrequest": "middleware:middleware:middleware",
      "x-nextjs-data": "1",
      "x-now-route-matches": "slug=other",
      "x-invoke-path": "/admin",
      "x-matched-path": "/admin",
      "next-url": "/admin",
      purpose: "prefetch",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      "sec-fetch-dest": "image",
      "cache-control": "no-cache",
      "accept-encoding": "gzip",
      "if-none-match": '"abc"',
      "user-agent": "Googlebot",
    };
    const stripped = renderRequest("/negotiations/sweida", hostile);
    expect(Object.keys(stripped.headers).sort()).toEqual([...RENDER_REQUEST_HEADERS].sort());
    expect(stripped).toEqual(READER);
  });

  it("is keyed by host and address, as HTTP caches key", () => {
    expect(cacheKey(READER)).toBe("parley.example /negotiations/sweida");
    expect(cacheKey(renderRequest("/negotiations/sweida", { host: "PARLEY.example" }))).toBe(cacheKey(READER));
    expect(cacheKey(renderRequest("/negotiations/sweida?x=1", { host: "parley.example" }))).not.toBe(cacheKey(READER));
  });

  it("serves a page stored for one spelling of the host to every other spelling (no forced misses)", async () => {
    const cache = new PageCache();
    const shouting = renderRequest("/negotiations/sweida", { host: "PARLEY.Example" });
    await cache.fill(cacheKey(READER), async () => page());
    expect(cache.get(cacheKey(shouting), shouting)).not.toBeNull();
  });
});

describe("nonces", () => {
  it("gives every hit its own nonce, in the policy and every script tag, and drops transfer headers", () => {
    const cached = page();
    expect(cached.headers.map(([name]) => name)).not.toContain("content-length");
    const first = withFreshNonce(cached);
    const second = withFreshNonce(cached);
    for (const served of [first, second]) {
      const policy = served.headers.find(([name]) => name === "content-security-policy")![1];
      const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
      expect(nonce).not.toBe(OLD);
      expect(Buffer.concat(served.body).toString()).toBe(
        `<script nonce="${nonce}">1</script><script nonce="${nonce}">2</script>`,
      );
    }
    expect(Buffer.concat(first.body).toString()).not.toBe(Buffer.concat(second.body).toString());
    expect(first.length).toBe(Buffer.concat(first.body).length);
  });

  it("draws nonces of 128 random bits, never the same one twice, across refills of the batch", () => {
    const drawn = Array.from({ length: 1_000 }, () => freshNonce());
    for (const nonce of drawn) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    expect(new Set(drawn).size).toBe(drawn.length);
  });

  it("serves a response without a nonce unchanged", () => {
    const cached = toCachedPage(
      READER,
      200,
      new Headers({ "content-type": "application/json" }),
      Buffer.from('{"a":1}'),
    );
    expect(Buffer.concat(withFreshNonce(cached).body).toString()).toBe('{"a":1}');
  });
});

describe("PageCache", () => {
  it("forgets pages after their time limit and evicts the least recently used", async () => {
    let now = 0;
    const cache = new PageCache({ ttlMs: 1000, maxEntries: 2, now: () => now });
    await cache.fill("/a", async () => page(undefined, now));
    await cache.fill("/b", async () => page(undefined, now));
    expect(cache.get("/a", READER)).not.toBeNull();
    await cache.fill("/c", async () => page(undefined, now));
    expect(cache.get("/b", READER)).toBeNull();
    expect(cache.get("/a", READER)).not.toBeNull();
    now = 1500;
    expect(cache.get("/a", READER)).toBeNull();
  });

  it("renders once for readers arriving together, and does not keep a render that a staff write overtook", async () => {
    const cache = new PageCache();
    const { render, release, renders } = gatedRender(() => page());
    const together = [cache.fill("/n", render), cache.fill("/n", render), cache.fill("/n", render)];
    cache.clear();
    release();
    const results = await Promise.all(together);
    expect(renders()).toBe(1);
    expect(results.every((result) => result !== null)).toBe(true);
    expect(cache.get("/n", READER)).toBeNull();
    await cache.fill("/n", async () => page());
    expect(cache.get("/n", READER)).not.toBeNull();
  });

  it("serves a copy past its lifetime within stale-while-revalidate, and forgets it after", async () => {
    let now = 0;
    const cache = new PageCache({ ttlMs: 5_000, now: () => now });
    await cache.fill("/p", async () => swr("old"));
    expect(cache.lookup("/p", READER)?.fresh).toBe(true);
    now = 5_000;
    const stale = cache.lookup("/p", READER);
    expect(stale?.fresh).toBe(false);
    expect(stale?.page.pieces.toString()).toBe("old");
    // get() is for fresh copies only.
    expect(cache.get("/p", READER)).toBeNull();
    now = 35_000;
    expect(cache.lookup("/p", READER)).toBeNull();
    expect(cache.size).toBe(0);
    // No stale-while-revalidate in the response: no stale copy either.
    await cache.fill("/q", async () => page(undefined, now));
    now = 40_000;
    expect(cache.lookup("/q", READER)).toBeNull();
  });

  it("renders a stale copy again once in the background, keeps it if the render fails, and drops a render a write overtook", async () => {
    let now = 0;
    const cache = new PageCache({ ttlMs: 5_000, now: () => now });
    await cache.fill("/p", async () => swr("v1"));
    now = 6_000;

    const errors: unknown[] = [];
    cache.revalidate(
      "/p",
      async () => {
        throw new Error("database away");
      },
      (error) => errors.push(error),
    );
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(errors).toHaveLength(1);
    expect(cache.lookup("/p", READER)?.page.pieces.toString()).toBe("v1");

    const { render, release, renders } = gatedRender(() => swr("v2"));
    cache.revalidate("/p", render, (error) => errors.push(error));
    cache.revalidate("/p", render, (error) => errors.push(error));
    // Readers keep the stale copy while the render runs.
    expect(cache.lookup("/p", READER)?.page.pieces.toString()).toBe("v1");
    release();
    await cache.fill("/p", render);
    expect(renders()).toBe(1);
    const renewed = cache.lookup("/p", READER);
    expect(renewed?.fresh).toBe(true);
    expect(renewed?.page.pieces.toString()).toBe("v2");

    now = 12_000;
    let releaseLate!: () => void;
    const late = new Promise<void>((resolve) => (releaseLate = resolve));
    cache.revalidate(
      "/p",
      async () => {
        await late;
        return swr("v3, rendered from rows read before the write");
      },
      (error) => errors.push(error),
    );
    cache.clear();
    releaseLate();
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(cache.lookup("/p", READER)).toBeNull();
    expect(errors).toHaveLength(1);
  });

  it("answers If-None-Match from the stored ETag", () => {
    expect(isNotModified(page(), '"abc"')).toBe(true);
    expect(isNotModified(page(), 'W/"abc", "x"')).toBe(true);
    expect(isNotModified(page(), '"other"')).toBe(false);
    expect(isNotModified(page(), undefined)).toBe(false);
  });
});
