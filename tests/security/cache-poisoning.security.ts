// Cache poisoning: an anonymous request carrying a header that Next.js or a proxy
// gives a meaning to (Next's internal and routing headers, forwarding headers,
// content negotiation) must not change what the next plain reader of the same
// address gets from the production server's page cache. Each probe uses an
// address of its own (a throwaway query parameter), so it always meets an empty
// cache slot, exactly as an attacker timing a request after expiry would; the
// plain request that follows it must get the real answer: the same status and
// content type as a clean baseline, and that answer's body marker.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { record } from "./tally";

const baseUrl = inject("baseUrl");
const planted = inject("planted");
const slug = planted.public.negotiationSlug;

/**
 * Every request header Next.js 16 reads or strips as internal (next/dist/server/lib/server-ipc/utils.js
 * INTERNAL_HEADERS, client/components/app-router-headers.js, base-server.js, the router server),
 * plus the forwarding, negotiation and cache headers a shared cache must not let a client choose.
 */
export const PROBE_HEADERS: Record<string, string[]> = {
  // Next's proxy/middleware plumbing
  "x-middleware-prefetch": ["1"],
  "x-middleware-subrequest": ["middleware", "proxy:proxy:proxy:proxy:proxy", "src/middleware:src/middleware"],
  "x-middleware-rewrite": ["/admin", `${baseUrl}/sign-in`],
  "x-middleware-redirect": ["/sign-in"],
  "x-middleware-set-cookie": ["poisoned=1; Path=/"],
  "x-middleware-skip": ["1"],
  "x-middleware-override-headers": ["x-nonce,content-security-policy"],
  "x-middleware-next": ["1"],
  "x-middleware-invoke": ["1"],
  "x-middleware-request-x-nonce": ["fixed"],
  // Next's routing and data requests
  "x-now-route-matches": ["slug=other", "1=x"],
  "x-matched-path": ["/admin", "/_not-found"],
  "x-nextjs-data": ["1"],
  "x-next-resume-state-length": ["10"],
  "next-resume": ["1"],
  "x-invoke-path": ["/admin"],
  "x-invoke-query": ['{"q":"x"}'],
  "x-invoke-status": ["500", "404"],
  "x-invoke-error": ['{"message":"x"}'],
  "x-invoke-output": ["/admin"],
  "x-nextjs-rewritten-path": ["/admin"],
  "x-nextjs-rewritten-query": ["q=x"],
  "x-nextjs-prerender": ["1"],
  "x-nextjs-postponed": ["1"],
  "x-nextjs-stale-time": ["0"],
  "x-nextjs-request-id": ["probe"],
  "x-nextjs-html-request-id": ["probe"],
  "x-nextjs-cache": ["HIT"],
  "x-next-revalidate-tag-token": ["x"],
  "x-prerender-revalidate": ["x"],
  "x-action-forwarded": ["1"],
  "x-action-revalidated": ["1"],
  // React Server Components and the App Router's client navigation
  rsc: ["1"],
  "next-router-state-tree": ["%5B%22%22%2C%7B%7D%5D", "not a tree"],
  "next-router-prefetch": ["1", "2"],
  "next-router-segment-prefetch": ["/_tree", "/_index"],
  "next-hmr-refresh": ["1"],
  "next-url": ["/admin", "/negotiations/other"],
  "next-action": ["00abc"],
  "next-test-fetch-priority": ["high"],
  purpose: ["prefetch"],
  "x-purpose": ["preview"],
  "sec-purpose": ["prefetch", "prefetch;prerender"],
  "next-instant-navigation-testing": ["1"],
  // Forwarding and rewriting, as proxies set them
  "x-forwarded-host": ["evil.example"],
  "x-forwarded-proto": ["https", "javascript"],
  "x-forwarded-port": ["1"],
  "x-forwarded-for": ["198.51.100.1"],
  "x-forwarded-prefix": ["/evil"],
  forwarded: ["host=evil.example;proto=https"],
  "x-host": ["evil.example"],
  "x-original-host": ["evil.example"],
  "x-original-url": ["/admin"],
  "x-rewrite-url": ["/admin"],
  "x-http-method-override": ["POST", "HEAD"],
  "x-real-ip": ["198.51.100.1"],
  // Fetch metadata, negotiation and cache directives
  "sec-fetch-dest": ["image", "script", "empty"],
  "sec-fetch-mode": ["no-cors"],
  accept: ["text/x-component", "application/json", "image/webp"],
  "accept-encoding": ["br", "deflate", "identity"],
  "accept-language": ["ar", "xx"],
  "user-agent": ["Googlebot/2.1", "facebookexternalhit/1.1", "curl/8"],
  "cache-control": ["no-cache", "max-age=0", "only-if-cached"],
  pragma: ["no-cache"],
  "if-none-match": ['"stale"', "*"],
  "if-modified-since": ["Thu, 01 Jan 2099 00:00:00 GMT"],
  range: ["bytes=0-1"],
  traceparent: ["00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"],
};

type Expected = { status: number; type: string; marker: string };

/** Every kind of address an anonymous reader can fetch; the actor and source are found on the page. */
function addresses(actor: string, source: string, images: string[]): string[] {
  const page = `${baseUrl}/negotiations/${slug}`;
  return [
    "/",
    `/negotiations/${slug}`,
    `/negotiations/${slug}/corrections`,
    actor,
    source,
    "/developers",
    "/feed.xml",
    "/atom.xml",
    `/negotiations/${slug}/feed.xml`,
    `/negotiations/${slug}/atom.xml`,
    "/api/v1/negotiations",
    `/api/v1/negotiations/${slug}`,
    `/api/v1/negotiations/${slug}/developments`,
    `/embed/negotiations/${slug}`,
    `/api/oembed?url=${encodeURIComponent(page)}&format=json`,
    "/sitemap.xml",
    "/robots.txt",
    ...images,
  ];
}

/** A marker only the real answer carries: the end of an HTML document, a feed's root, a JSON key, PNG bytes. */
function markerOf(type: string, body: Buffer): string {
  const text = body.toString("latin1");
  if (type.includes("html")) return "</html>";
  if (type.includes("xml")) return /<(rss|feed|urlset)\b/.exec(text)![0];
  if (type.includes("json")) return `"${Object.keys(JSON.parse(text) as object)[0]}"`;
  if (type.startsWith("image/png")) return "\u0089PNG";
  if (type.startsWith("text/plain")) return text.slice(0, 20);
  throw new Error(`No marker for ${type}`);
}

function withProbe(address: string, probe: number): string {
  return `${address}${address.includes("?") ? "&" : "?"}probe=${probe}`;
}

async function get(
  address: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; body: Buffer; cache: string | null }> {
  const response = await fetch(new URL(address, baseUrl), { redirect: "manual", headers });
  const body = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    type: (response.headers.get("content-type") ?? "").split(";")[0]!.trim(),
    body,
    cache: response.headers.get("x-parley-page-cache"),
  };
}

let targets: string[];
const expected = new Map<string, Expected>();
let probeNumber = 0;

beforeAll(async () => {
  const page = (await get(`/negotiations/${slug}`)).body.toString("utf8");
  const actor = /href="(\/actors\/[^"?#]+)"/.exec(page)?.[1];
  const source = /href="(\/sources\/[^"?#]+)"/.exec(page)?.[1];
  if (!actor || !source) throw new Error("The negotiation page links to no actor or no source");
  // Share images live at generated addresses (…/opengraph-image-<hash>); the page names them.
  const images = [...page.matchAll(/<meta (?:property|name)="(?:og|twitter):image" content="([^"]+)"/g)].map(
    (match) => {
      const url = new URL(match[1]!.replace(/&amp;/g, "&"));
      return url.pathname + url.search;
    },
  );
  if (images.length < 2) throw new Error("The negotiation page names no share images");
  targets = addresses(actor, source, [...new Set(images)]);
  for (const address of targets) {
    const baseline = await get(withProbe(address, ++probeNumber));
    if (baseline.status !== 200) throw new Error(`${address}: baseline HTTP ${baseline.status}`);
    expected.set(address, {
      status: baseline.status,
      type: baseline.type,
      marker: markerOf(baseline.type, baseline.body),
    });
  }
});

describe("page-cache poisoning", () => {
  it("keeps the cache in use: a harmless first request is stored and the next reader gets a hit", async () => {
    const cached = ["/", `/negotiations/${slug}`, "/feed.xml", `/api/v1/negotiations/${slug}`, "/sitemap.xml"];
    const misses: string[] = [];
    for (const address of cached) {
      const url = withProbe(address, ++probeNumber);
      await get(url, { "x-harmless": "1" });
      const plain = await get(url);
      if (plain.cache !== "hit") misses.push(`${address}: ${plain.cache}`);
    }
    expect(misses.filter((miss) => !miss.startsWith("/sitemap.xml"))).toEqual([]);
  });

  it("serves every plain reader the real answer after any Next-internal or routing header, alone or all together", async () => {
    const poisoned: string[] = [];
    const serverErrors: string[] = [];
    let probes = 0;
    const probeSets: Array<[string, Record<string, string>]> = [];
    for (const [name, values] of Object.entries(PROBE_HEADERS))
      for (const value of values) probeSets.push([`${name}: ${value}`, { [name]: value }]);
    probeSets.push([
      "all headers together",
      Object.fromEntries(Object.entries(PROBE_HEADERS).map(([name, values]) => [name, values[0]!])),
    ]);

    for (const address of targets) {
      const want = expected.get(address)!;
      for (const [label, headers] of probeSets) {
        const url = withProbe(address, ++probeNumber);
        const probe = await get(url, headers);
        probes += 1;
        if (probe.status >= 500) serverErrors.push(`${address} with ${label}: probe HTTP ${probe.status}`);
        const plain = await get(url);
        const text = plain.body.toString("latin1");
        if (plain.status !== want.status || plain.type !== want.type || !text.includes(want.marker))
          poisoned.push(
            `${address} after ${label}: HTTP ${plain.status} ${plain.type} (${plain.cache}) ${JSON.stringify(text.slice(0, 60))}`,
          );
      }
    }
    record({ poisoningProbes: probes, poisoned: poisoned.length, serverErrors: serverErrors.length });
    expect(poisoned).toEqual([]);
    expect(serverErrors).toEqual([]);
  });
});
