import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { clientAddressFromHeaders } from "@/lib/security/forwarded-for";
import { NO_CLIENT, type AuditClient } from "./record";

/** From a request's headers: the address the same way sign-in throttling finds it. */
export function auditClientFromHeaders(requestHeaders: Headers): AuditClient {
  const address = clientAddressFromHeaders(
    { "x-forwarded-for": requestHeaders.get("x-forwarded-for") ?? undefined },
    env().PARLEY_TRUSTED_PROXY_HOPS,
  );
  return {
    clientAddress: address === "unknown" ? null : address,
    userAgent: requestHeaders.get("user-agent")?.slice(0, 500) || null,
  };
}

/**
 * The current request's client, read through next/headers: server actions and route
 * handlers alike run inside Next's request scope. Outside one (CLI scripts, seeds, tests
 * calling the data layer directly) there is no client to record.
 */
export async function currentAuditClient(): Promise<AuditClient> {
  try {
    return auditClientFromHeaders(await headers());
  } catch {
    return NO_CLIENT;
  }
}
