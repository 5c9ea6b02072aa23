import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { authSecret } from "./secret";

// next-auth v4's JWT cookie; the __Secure- name is used when the site runs on https.
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export async function readSessionCookie(): Promise<string | undefined> {
  const store = await cookies();
  for (const name of SESSION_COOKIES) {
    const value = store.get(name)?.value;
    if (value) return value;
  }
  return undefined;
}

/**
 * After a password change bumps sessionVersion, re-issues this browser's
 * token with the new version so only the *other* sessions are signed out.
 */
export async function reissueSessionCookie(sessionVersion: number, maxAgeSeconds: number): Promise<void> {
  const store = await cookies();
  const name = SESSION_COOKIES.find((candidate) => store.get(candidate)?.value);
  if (!name) return;
  const token = await decode({ token: store.get(name)!.value, secret: authSecret() });
  if (!token) return;
  const value = await encode({ token: { ...token, sv: sessionVersion }, secret: authSecret(), maxAge: maxAgeSeconds });
  store.set(name, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    maxAge: maxAgeSeconds,
  });
}
