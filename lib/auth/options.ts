import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { errorFields, log, untrusted } from "@/lib/log";
import { clientAddressFromHeaders } from "@/lib/security/forwarded-for";
import { signInSchema } from "@/lib/validation/auth";
import { authSecret, usesSecureCookies } from "./secret";
import { authenticate, type SignedInUser } from "./sign-in";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Codes the sign-in form turns into messages; none reveals whether an account exists. */
export const signInErrorCodes = {
  invalidInput: "invalid-input",
  locked: "locked",
  unavailable: "unavailable",
} as const;

/** The client address for per-address limits (lib/security/forwarded-for.ts says how it is found). */
export function clientAddress(
  headers: Record<string, unknown> | undefined,
  trustedHops = env().PARLEY_TRUSTED_PROXY_HOPS,
): string {
  return clientAddressFromHeaders(headers, trustedHops);
}

/**
 * next-auth's messages through the one logger. They quote request input (an invalid callbackUrl
 * verbatim), so everything but the code is a capped field: a newline in it cannot start a line.
 */
export const authLogger: NonNullable<NextAuthOptions["logger"]> = {
  error(code, metadata) {
    const error = metadata instanceof Error ? metadata : metadata?.error;
    log.error({ auth: untrusted(code, 60), ...errorFields(error) }, "next-auth error");
  },
  warn(code) {
    log.warn({ auth: untrusted(code, 60) }, "next-auth warning");
  },
  debug(code, metadata) {
    log.debug({ auth: untrusted(code, 60), detail: untrusted(JSON.stringify(metadata ?? null)) }, "next-auth debug");
  },
};

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    useSecureCookies: usesSecureCookies(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    logger: authLogger,
    providers: [
      CredentialsProvider({
        name: "E-mail and password",
        credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const parsed = signInSchema.safeParse({
            email: credentials?.email ?? "",
            password: credentials?.password ?? "",
          });
          if (!parsed.success) throw new Error(signInErrorCodes.invalidInput);
          let outcome;
          try {
            outcome = await authenticate({ ...parsed.data, address: clientAddress(request?.headers) });
          } catch (error) {
            // next-auth would put the message in a URL the browser sees; keep internals on the server.
            log.error(errorFields(error), "sign-in failed unexpectedly");
            throw new Error(signInErrorCodes.unavailable);
          }
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
