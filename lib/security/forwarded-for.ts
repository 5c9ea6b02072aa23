// Which request headers about the client the production server (scripts/app-server.ts) lets
// through to Next.js. A client talking to the server directly can send any X-Forwarded-* it
// likes; only reverse proxies the operator declared (PARLEY_TRUSTED_PROXY_HOPS) are believed.
// No Next.js imports: the server loads this outside the bundle.
import type { IncomingHttpHeaders } from "node:http";

/** Headers only a trusted proxy may set; Next.js fills the X-Forwarded-* ones from the socket otherwise. */
const PROXY_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"];

/**
 * Rewrites the client-address headers in place. With no trusted proxy, X-Forwarded-For is the
 * socket address and the other forwarding headers are dropped. With N trusted proxies, each
 * appended the address it received from, so only the last N entries are theirs: anything a
 * client wrote before them is dropped, and the first entry kept is the client's address.
 */
export function trustForwardingHeaders(
  headers: IncomingHttpHeaders,
  socketAddress: string | undefined,
  trustedHops: number,
): void {
  if (trustedHops <= 0) {
    for (const name of PROXY_HEADERS) delete headers[name];
    headers["x-forwarded-for"] = socketAddress ?? "unknown";
    return;
  }
  const forwarded = headers["x-forwarded-for"];
  const entries = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const trusted = entries.slice(-trustedHops);
  headers["x-forwarded-for"] = trusted.length > 0 ? trusted.join(", ") : (socketAddress ?? "unknown");
}

/**
 * The client address for per-address limits and the audit log. With N trusted reverse proxies
 * in front, the address the outermost one saw is the Nth entry from the right of X-Forwarded-For.
 * With none (the default) it is the last entry, which the production server sets to the socket
 * address, overwriting whatever the client sent (trustForwardingHeaders above).
 */
export function clientAddressFromHeaders(headers: Record<string, unknown> | undefined, trustedHops: number): string {
  const forwarded = headers?.["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded.join(",") : typeof forwarded === "string" ? forwarded : "";
  const hops = value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const index = hops.length - Math.max(1, Number.isInteger(trustedHops) ? trustedHops : 0);
  return (hops[Math.max(0, index)] ?? "unknown").slice(0, 100);
}
