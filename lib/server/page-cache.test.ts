import { describe, expect, it } from "vitest";
import {
  PageCache,
  isCacheableRequest,
  isCacheableResponse,
  isNotModified,
  toCachedPage,
  withFreshNonce,
} from "./page-cache";

const OLD = "T2xkTm9uY2VPbGROb25jZQ==";
const page = (body = `<script nonce="${OLD}">1</script><script nonce="${OLD}">2</script>`, now = 0) =>
  toCachedPage(
    200,
    new Headers({
      "content-type": "text/html",
      "content-security-policy": `script-src 'nonce-${OLD}' 'strict-dynamic'`,
      "content-length": "9",
      etag: '"abc"',
    }),
    Buffer.from(body),
    now,
  );

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

  it("keeps only whole 200 answers that set no cookie", () => {
    expect(isCacheableResponse(200, new Headers({ "content-type": "text/html" }))).toBe(true);
    expect(isCacheableResponse(404, new Headers())).toBe(false);
    expect(isCacheableResponse(200, new Headers({ "set-cookie": "a=b" }))).toBe(false);
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

  it("serves a response without a nonce unchanged", () => {
    const cached = toCachedPage(200, new Headers({ "content-type": "application/json" }), Buffer.from('{"a":1}'));
    expect(Buffer.concat(withFreshNonce(cached).body).toString()).toBe('{"a":1}');
  });
});

describe("PageCache", () => {
  it("forgets pages after their time limit and evicts the least recently used", async () => {
    let now = 0;
    const cache = new PageCache({ ttlMs: 1000, maxEntries: 2, now: () => now });
    await cache.fill("/a", async () => page(undefined, now));
    await cache.fill("/b", async () => page(undefined, now));
    expect(cache.get("/a")).not.toBeNull();
    await cache.fill("/c", async () => page(undefined, now));
    expect(cache.get("/b")).toBeNull();
    expect(cache.get("/a")).not.toBeNull();
    now = 1500;
    expect(cache.get("/a")).toBeNull();
  });

  it("renders once for readers arriving together, and does not keep a render that a staff write overtook", async () => {
    const cache = new PageCache();
    let renders = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const render = async () => {
      renders++;
      await gate;
      return page();
    };
    const together = [cache.fill("/n", render), cache.fill("/n", render), cache.fill("/n", render)];
    cache.clear();
    release();
    const results = await Promise.all(together);
    expect(renders).toBe(1);
    expect(results.every((result) => result !== null)).toBe(true);
    expect(cache.get("/n")).toBeNull();
    await cache.fill("/n", async () => page());
    expect(cache.get("/n")).not.toBeNull();
  });

  it("answers If-None-Match from the stored ETag", () => {
    expect(isNotModified(page(), '"abc"')).toBe(true);
    expect(isNotModified(page(), 'W/"abc", "x"')).toBe(true);
    expect(isNotModified(page(), '"other"')).toBe(false);
    expect(isNotModified(page(), undefined)).toBe(false);
  });
});
