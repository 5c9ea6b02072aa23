// Stands in for the per-request context that Next.js gives server code
// (cookies, headers, cache revalidation). Identity still goes through the real
// next-auth JWT encoding and the real database lookup.
import { AsyncLocalStorage } from "node:async_hooks";
import { encode } from "next-auth/jwt";
import { authSecret } from "@/lib/auth/secret";

type Cookie = { name: string; value: string };
export type RequestContext = { cookies: Map<string, Cookie>; headers: Headers; revalidated: string[] };

export const requestStorage = new AsyncLocalStorage<RequestContext>();

export function currentRequest(): RequestContext {
  const context = requestStorage.getStore();
  if (!context) throw new Error("No request context: wrap the call in asUser(...) or asAnonymous(...)");
  return context;
}

export type TestUser = { id: string; sessionVersion: number };

/** Runs `fn` as a request carrying this user's real session cookie (or none). */
export async function asUser<T>(user: TestUser | null, fn: (context: RequestContext) => Promise<T>): Promise<T> {
  const context: RequestContext = { cookies: new Map(), headers: new Headers(), revalidated: [] };
  if (user) {
    const value = await encode({ token: { sub: user.id, sv: user.sessionVersion }, secret: authSecret() });
    context.cookies.set("next-auth.session-token", { name: "next-auth.session-token", value });
  }
  return requestStorage.run(context, () => fn(context));
}

export const asAnonymous = <T>(fn: (context: RequestContext) => Promise<T>) => asUser(null, fn);
