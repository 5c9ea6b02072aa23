// A breadth-first crawl of Parley as an anonymous reader: every same-origin
// link found in pages, feeds, sitemaps and JSON, from a list of start points.
// Staff areas and sign-in plumbing are never followed (they are probed on
// purpose elsewhere, where a refusal is the expected answer).

export type Fetched = { url: string; status: number; contentType: string; body: Buffer; location: string | null };

const SKIPPED = [
  /^\/editor(\/|$)/,
  /^\/admin(\/|$)/,
  /^\/account(\/|$)/,
  /^\/api\/auth(\/|$)/,
  /^\/api\/editor(\/|$)/,
  /^\/api\/admin(\/|$)/,
  /^\/_next\/static\//,
  /^\/_next\/image/,
];

export function isSkipped(pathname: string): boolean {
  return SKIPPED.some((pattern) => pattern.test(pathname));
}

export async function fetchRaw(url: string, init: RequestInit = {}): Promise<Fetched> {
  const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(30_000), ...init });
  const body = await readBody(response);
  return {
    url,
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    body,
    location: response.headers.get("location"),
  };
}

/**
 * A whole body, except for an event stream, which never ends: its opening (the `retry:` line the
 * server sends at once) is what a reader gets before any change, so that much is checked.
 */
async function readBody(response: Response): Promise<Buffer> {
  if (!(response.headers.get("content-type") ?? "").startsWith("text/event-stream") || !response.body)
    return Buffer.from(await response.arrayBuffer());
  const reader = response.body.getReader();
  const first = await reader.read();
  await reader.cancel();
  return Buffer.from(first.value ?? new Uint8Array());
}

const decodeEntities = (text: string) =>
  text
    .replace(/&amp;/g, "&")
    .replace(/&#x2F;/gi, "/")
    .replace(/&quot;/g, '"');

/** Same-origin addresses mentioned in a text body: attributes, sitemap/feed elements, JSON strings. */
export function linksIn(fetched: Fetched, origin: string): string[] {
  if (!/html|xml|json|text/.test(fetched.contentType)) return [];
  const text = fetched.body.toString("utf8");
  const candidates: string[] = [];
  for (const match of text.matchAll(/(?:href|src|action)\s*=\s*["']([^"']+)["']/gi))
    candidates.push(decodeEntities(match[1]!));
  // <meta content> holds addresses only sometimes (og:image, og:url); skip its prose.
  for (const match of text.matchAll(/content\s*=\s*["']((?:https?:\/\/|\/)[^"'\s]+)["']/gi))
    candidates.push(decodeEntities(match[1]!));
  for (const match of text.matchAll(/<(?:loc|link|id|uri)>\s*([^<\s]+)\s*<\//gi))
    candidates.push(decodeEntities(match[1]!));
  for (const match of text.matchAll(/"((?:https?:\/\/[^"\s]+)|(?:\/[^"\s/][^"\s]*))"/g))
    candidates.push(match[1]!.replace(/\\\//g, "/"));
  if (fetched.location) candidates.push(fetched.location);
  const links: string[] = [];
  for (const candidate of candidates) {
    let url: URL;
    try {
      url = new URL(candidate, fetched.url);
    } catch {
      continue;
    }
    if (url.origin !== origin || isSkipped(url.pathname)) continue;
    url.hash = "";
    links.push(url.toString());
  }
  return links;
}

/** Fetches every start address and everything reachable from them, up to `maxPages`. */
export async function crawl(baseUrl: string, start: string[], maxPages = 400): Promise<Map<string, Fetched>> {
  const origin = new URL(baseUrl).origin;
  const seen = new Set<string>();
  const results = new Map<string, Fetched>();
  const queue = start.map((path) => new URL(path, baseUrl).toString());
  while (queue.length > 0 && results.size < maxPages) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const fetched = await fetchRaw(url);
    results.set(url, fetched);
    for (const link of linksIn(fetched, origin)) if (!seen.has(link)) queue.push(link);
  }
  return results;
}

/**
 * The markers whose value appears anywhere in the body (bytes compared
 * case-insensitively). A marker the request itself carried (a hidden slug in
 * the address, echoed by its 404 page) tells the requester nothing new.
 */
export function leakedMarkers<M extends { value: string }>(body: Buffer | string, markers: M[], requestUrl = ""): M[] {
  const text = (typeof body === "string" ? body : body.toString("latin1")).toLowerCase();
  const asked = requestUrl.toLowerCase();
  return markers.filter(
    (marker) => text.includes(marker.value.toLowerCase()) && !asked.includes(marker.value.toLowerCase()),
  );
}
