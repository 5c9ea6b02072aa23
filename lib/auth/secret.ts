// Auth settings read from the environment, checked the same way by the start-up
// script (before Next.js runs) and by the app itself.

/** A shorter session secret can be guessed offline from one signed cookie. */
export const MIN_SECRET_BYTES = 32;

/** Why the auth environment is unusable in production, or null when it is fine. */
export function productionAuthProblem(env: NodeJS.ProcessEnv): string | null {
  if (!env.NEXTAUTH_SECRET && !env.AUTH_SECRET) {
    return "NEXTAUTH_SECRET (or AUTH_SECRET) must be set in production. Generate one with: openssl rand -base64 32";
  }
  const secret = env.NEXTAUTH_SECRET ?? env.AUTH_SECRET ?? "";
  if (Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
    return `NEXTAUTH_SECRET must be at least ${MIN_SECRET_BYTES} bytes in production (it is ${Buffer.byteLength(secret)}). Generate one with: openssl rand -base64 32`;
  }
  if (!env.NEXTAUTH_URL) {
    return "NEXTAUTH_URL must be set in production to the site's public address, e.g. https://parley.example.org (it decides secure cookies and sign-out links).";
  }
  return null;
}

/** The session signing secret; production refuses to run without one. */
export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (secret) return secret;
  if (process.env.NODE_ENV === "production")
    throw new Error(productionAuthProblem(process.env) ?? "NEXTAUTH_SECRET is missing.");
  // `npm run dev` provides one; this covers tools that import the app directly.
  return "parley-development-only-secret";
}

/** next-auth v4 names its cookie by whether the site is served over https; so must we. */
export function usesSecureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return usesSecureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}
