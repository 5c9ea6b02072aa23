import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInSchema } from "@/lib/validation/auth";
import { authSecret } from "./secret";
import { authenticate, type SignedInUser } from "./sign-in";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Codes the sign-in form turns into messages; none reveals whether an account exists. */
export const signInErrorCodes = { invalidInput: "invalid-input", locked: "locked" } as const;

/**
 * The closest hop's view of the client: the rightmost X-Forwarded-For entry
 * (set by Next.js, or appended by a reverse proxy in front of it).
 */
export function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded.join(",") : typeof forwarded === "string" ? forwarded : "";
  const hops = value.split(",").map((part) => part.trim()).filter(Boolean);
  return (hops.at(-1) ?? "unknown").slice(0, 100);
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "E-mail and password",
        credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const parsed = signInSchema.safeParse({ email: credentials?.email ?? "", password: credentials?.password ?? "" });
          if (!parsed.success) throw new Error(signInErrorCodes.invalidInput);
          const outcome = await authenticate({ ...parsed.data, address: clientAddress(request?.headers) });
          if (outcome.ok) return outcome.user;
          if (outcome.reason === "locked") throw new Error(`${signInErrorCodes.locked}:${outcome.retryAfterSeconds}`);
          return null;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as unknown as SignedInUser;
          token.sub = signedIn.id;
          token.sv = signedIn.sessionVersion;
        }
        return token;
      },
      async session({ session }) {
        // Role and status are read from the database on each request (lib/auth/session.ts), not trusted from here.
        return { ...session, user: { name: session.user?.name, email: session.user?.email } };
      },
    },
  };
}
