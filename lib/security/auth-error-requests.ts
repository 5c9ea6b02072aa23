// next-auth answers /api/auth/error?error=<code> by redirecting to the sign-in page with the
// code copied raw into the Location header. A code with a character a header cannot hold
// (any non-ASCII, CR, LF, …) makes Node throw, and the visitor gets a 500. Used by proxy.ts.
import { NextResponse, type NextRequest } from "next/server";

/** The codes next-auth itself puts there: letters, digits, "_", "-" and ":" (e.g. "locked:30"). */
const SAFE_CODE = /^[\w:-]{0,100}$/;

/**
 * For /api/auth/error with a code next-auth would choke on, the same redirect next-auth makes
 * (to the sign-in page, which shows its generic message for an unknown code) with the code
 * percent-encoded; undefined for every other request. next-auth reads the code from the last
 * `error` value, or from the path (`/api/auth/error/<code>`) when there is none: every one of
 * them must be safe.
 */
export function redirectUnsafeAuthError(request: NextRequest): NextResponse | undefined {
  const { pathname, searchParams } = request.nextUrl;
  if (pathname !== "/api/auth/error" && !pathname.startsWith("/api/auth/error/")) return undefined;
  const pathCodes = pathname.slice("/api/auth/error".length).split("/").filter(Boolean);
  const codes = [...searchParams.getAll("error"), ...pathCodes.map(decodeOrRaw)];
  if (codes.every((code) => SAFE_CODE.test(code))) return undefined;
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("error", (searchParams.getAll("error").at(-1) ?? pathCodes.at(-1) ?? "").slice(0, 100));
  return NextResponse.redirect(signIn, 302);
}

function decodeOrRaw(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
