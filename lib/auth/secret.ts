/** The session signing secret; production refuses to run without one. */
export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (secret) return secret;
  if (process.env.NODE_ENV === "production") {
    throw new Error("NEXTAUTH_SECRET (or AUTH_SECRET) must be set in production. Generate one with: openssl rand -base64 32");
  }
  // `npm run dev` provides one; this covers tools that import the app directly.
  return "parley-development-only-secret";
}
