import { NextResponse, type NextRequest } from "next/server";
import { sessionCookieName } from "@/lib/auth/secret";
import { contentSecurityPolicy, newNonce } from "@/lib/security/content-security-policy";

const STAFF_AREAS = ["/editor", "/admin", "/account"];

/**
 * Runs before every page: sets the per-request CSP nonce, and sends visitors
 * without a session cookie from staff areas to sign in. That redirect is a
 * convenience, not the defence: every staff page, action and query checks
 * the session and role itself.
 */
export function proxy(request: NextRequest) {
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
