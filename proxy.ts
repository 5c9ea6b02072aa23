import { NextResponse, type NextRequest } from "next/server";
import { sessionCookieName } from "@/lib/auth/secret";

// A convenience redirect for visitors without a session cookie. It is not the
// defence: every staff page, action and query checks the session and role itself.
export function proxy(request: NextRequest) {
  if (request.cookies.has(sessionCookieName())) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export const config = { matcher: ["/editor/:path*", "/admin/:path*", "/account/:path*"] };
