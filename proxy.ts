import { NextResponse, type NextRequest } from "next/server";
import { sessionCookieName } from "@/lib/auth/secret";
import { contentSecurityPolicy, newNonce } from "@/lib/security/content-security-policy";

const STAFF_AREAS = ["/editor", "/admin", "/account"];

/** Next's default `serverActions.bodySizeLimit`; larger action bodies are refused before Next reads them. */
const ACTION_BODY_LIMIT = 1024 * 1024;

function plainError(status: number, message: string) {
  return new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * Server actions posted from another site (CSRF) or with an oversized body get
 * a clear 403 or 413 here; Next's own checks would answer them with a 500.
 * Like Next, a request without an Origin header (old browsers, non-browser
 * clients) is left to Next, which still requires the session cookie.
 */
async function refuseServerAction(request: NextRequest): Promise<NextResponse | undefined> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return undefined;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    const host = (request.headers.get("x-forwarded-host") ?? request.headers.get("host"))?.split(",")[0]?.trim();
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = undefined;
    }
    if (!host || originHost !== host) return plainError(403, "Cross-origin form submissions are not allowed.");
  }
  const declared = request.headers.get("content-length");
  // A streamed body declares no length: measure it (the proxy reads a copy; the action still gets the body).
  const length = declared !== null ? Number(declared) : (await request.clone().arrayBuffer()).byteLength;
  if (length > ACTION_BODY_LIMIT) return plainError(413, "This submission is too large.");
  return undefined;
}

/**
 * Runs before every page: refuses cross-origin or oversized server-action
 * posts, sets the per-request CSP nonce, and sends visitors
 * without a session cookie from staff areas to sign in. That redirect is a
 * convenience, not the defence: every staff page, action and query checks
 * the session and role itself.
 */
export async function proxy(request: NextRequest) {
  const refused = await refuseServerAction(request);
  if (refused) return refused;

  const { pathname, search } = request.nextUrl;
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
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: static assets, images, API routes and embeds (their own policy) need no nonce.
  matcher: [{ source: "/((?!api/|embed/|_next/static|_next/image|favicon.ico|.*opengraph-image|.*twitter-image).*)" }],
};
