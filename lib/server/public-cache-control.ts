// The one Cache-Control for anonymous public responses (pages, feeds, read API, embeds, share
// images, sitemap), so nginx, Varnish or any CDN in front caches them correctly with no rules
// of its own, and the app's page cache (page-cache.ts) obeys the very same header.
// No Next.js imports: proxy.ts, route handlers and the server all use it.
import { env } from "@/lib/env";

/** A shared cache may answer with a stale copy while it fetches a fresh one in the background. */
export const STALE_WHILE_REVALIDATE_SECONDS = 30;
/** …and keep answering with it for a day while the app is down or erring (RFC 5861). */
export const STALE_IF_ERROR_SECONDS = 86_400;
/** Responses that depend on who asks (staff, signed-in readers): never stored anywhere. */
export const PRIVATE_NO_STORE = "private, no-store";

/**
 * Shared caches keep the answer PARLEY_EDGE_CACHE_SECONDS (s-maxage, 1 s by default): the bound
 * on how stale a cache in front (deploy/nginx-parley.conf's proxy_cache, a CDN) can be after a
 * publish, since nothing tells it of one. Instances themselves learn of it within a second
 * (change-feed.ts), so their own page cache keeps pages longer (PARLEY_PAGE_CACHE_SECONDS) and a
 * cache in front refreshing every second costs them a cache hit, not a render.
 * Browsers get `maxAgeSeconds` (0 by default: they revalidate with the ETag, a cheap 304).
 */
export function publicCacheControl(maxAgeSeconds = 0): string {
  const shared = env().PARLEY_EDGE_CACHE_SECONDS;
  return `public, max-age=${maxAgeSeconds}, s-maxage=${shared}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_SECONDS}, stale-if-error=${STALE_IF_ERROR_SECONDS}`;
}

/** Whether a request carries credentials: a cookie (a session, maybe) or an Authorization header. */
export function carriesCredentials(headers: Headers): boolean {
  return headers.has("authorization") || /(?:^|;\s*)(?:__Secure-)?next-auth\./.test(headers.get("cookie") ?? "");
}

/** The Cache-Control of a public route's answer to this request. */
export function cacheControlFor(request: Request, maxAgeSeconds = 0): string {
  return carriesCredentials(request.headers) ? PRIVATE_NO_STORE : publicCacheControl(maxAgeSeconds);
}
