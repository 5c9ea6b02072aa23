import createIntlMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { routing } from "@/i18n/routing";
import { sessionCookieName } from "@/lib/auth/secret";
import { redirectUnsafeAuthError } from "@/lib/security/auth-error-requests";
import { contentSecurityPolicy, newNonce } from "@/lib/security/content-security-policy";
import { plainError, refuseServerAction } from "@/lib/security/server-action-requests";
import { isPublicAddress } from "@/lib/server/public-addresses";
import { PRIVATE_NO_STORE, publicCacheControl } from "@/lib/server/public-cache-control";

const STAFF_AREAS = ["/editor", "/admin", "/account"];
/**
 * API routes, embeds (their own policy) and a negotiation's generated share images need no
 * nonce. Anchored: an address that merely contains "opengraph-image" (say under /editor) is an
 * ordinary page and keeps its policy and its staff redirect.
 */
const SHARE_IMAGE = /^(?:\/ar)?\/negotiations\/[^/]+\/(?:opengraph|twitter)-image(?:-[\w-]+)?$/;
/**
 * Next names an English page's share image under /en/… (the file-based image route sits in
 * app/[locale]); next-intl would redirect that to the unprefixed address, a hop for every
 * crawler that reads og:image, so the image is served where Next names it.
 */
const ENGLISH_SHARE_IMAGE = /^\/en(\/negotiations\/[^/]+\/(?:opengraph|twitter)-image(?:-[\w-]+)?)$/;
const NO_NONCE = /^\/(?:api|embed)\//;
/**
 * Addresses that exist once, in English, outside app/[locale]: staff areas and sign-in, the API
 * and embeds (they take ?lang=), and the site-wide metadata files. Everything else is a reader
 * address that next-intl maps onto app/[locale] (English unprefixed, Arabic under /ar).
 */
const UNLOCALIZED =
  /^\/(?:api|embed|editor|admin|account|sign-in|_next)(?:\/|$)|^\/(?:sitemap\.xml|robots\.txt|favicon\.ico|icon[^/]*|apple-icon[^/]*)$/;
/** No Accept-Language detection, no cookie, no Link header (i18n/routing.ts): the URL alone decides. */
const intlMiddleware = createIntlMiddleware(routing);

/**
 * Next answers an address whose percent-encoding is not UTF-8 (e.g. %ED%A0%80)
 * with a 500, and a NUL (%00) reaches PostgreSQL, which refuses it; no real
 * address has either.
 */
function decodable(pathname: string): boolean {
  try {
    return !decodeURIComponent(pathname).includes("\u0000");
  } catch {
    return false;
  }
}

/**
 * Runs before every request but static assets: refuses malformed addresses and
 * forged, oversized or undecodable server-action posts (see
 * server-action-requests.ts), sets the per-request CSP nonce, and sends visitors
 * without a session cookie from staff areas to sign in. That redirect is a
 * convenience, not the defence: every staff page, action and query checks
 * the session and role itself.
 */
export async function proxy(request: NextRequest) {
  const refused = await refuseServerAction(request);
  if (refused) return refused;

  const { pathname, search } = request.nextUrl;
  if (!decodable(pathname)) return plainError(400, "This address is malformed.");
  const authError = redirectUnsafeAuthError(request);
  if (authError) return authError;
  // API routes and embeds set their own Cache-Control (lib/server/public-cache-control.ts).
  if (NO_NONCE.test(pathname)) return NextResponse.next();
  const localized = !UNLOCALIZED.test(pathname);
  const englishShareImage = ENGLISH_SHARE_IMAGE.exec(pathname);
  if (englishShareImage) {
    const response = NextResponse.next();
    response.headers.set("Cache-Control", cacheControl(request, englishShareImage[1]) ?? PRIVATE_NO_STORE);
    return response;
  }
  if (SHARE_IMAGE.test(pathname)) {
    const response = intlMiddleware(request);
    response.headers.set("Cache-Control", cacheControl(request) ?? PRIVATE_NO_STORE);
    return response;
  }

  const isStaffArea = STAFF_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
  if (isStaffArea && !request.cookies.has(sessionCookieName())) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(signIn);
  }

  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  // next-intl forwards the request's headers (nonce included) with its rewrite to app/[locale].
  const response = localized
    ? intlMiddleware(new NextRequest(request, { headers: requestHeaders }))
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  // Next marks dynamic pages `private, no-cache, no-store`; an anonymous reader's copy of a public
  // page is in fact shared (the production server and any CDN in front may keep it), so say so.
  // Everything else (staff areas, signed-in readers) is private and never stored.
  // Next's own private answers (a prefetch bail-out, draft mode) still override this.
  response.headers.set("Cache-Control", cacheControl(request) ?? PRIVATE_NO_STORE);
  return response;
}

/** The public Cache-Control for anonymous reads of public addresses; null for anything else. */
function cacheControl(request: NextRequest, path = request.nextUrl.pathname): string | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (request.cookies.has(sessionCookieName()) || request.headers.has("authorization")) return null;
  if (!isPublicAddress(path)) return null;
  return publicCacheControl();
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
