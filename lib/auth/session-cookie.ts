import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { authSecret, sessionCookieName, usesSecureCookies } from "./secret";

/** Only the one name next-auth uses: on https a plain-named cookie could be planted over http. */
export async function readSessionCookie(): Promise<string | undefined> {
  return (await cookies()).get(sessionCookieName())?.value;
}

/**
 * After a password change bumps sessionVersion, re-issues this browser's
 * token with the new version so only the *other* sessions are signed out.
 */
export async function reissueSessionCookie(sessionVersion: number, maxAgeSeconds: number): Promise<void> {
  const store = await cookies();
  const name = sessionCookieName();
  const current = store.get(name)?.value;
  if (!current) return;
  const token = await decode({ token: current, secret: authSecret() });
  if (!token) return;
  const value = await encode({ token: { ...token, sv: sessionVersion }, secret: authSecret(), maxAge: maxAgeSeconds });
  store.set(name, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: usesSecureCookies(),
    maxAge: maxAgeSeconds,
  });
}
