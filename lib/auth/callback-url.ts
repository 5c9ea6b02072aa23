const BASE = "http://parley.invalid";
// Landing back on these would loop or hit next-auth's own endpoints.
const REFUSED_PREFIXES = ["/sign-in", "/api/auth"];

/**
 * Only same-site paths. Parsing (rather than string checks) matters: browsers
 * drop tabs and newlines, so "/\t/evil.com" would otherwise become "//evil.com".
 */
export function safeCallbackUrl(value: string | string[] | null | undefined, fallback = "/editor"): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(candidate, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  if (REFUSED_PREFIXES.some((prefix) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`)))
    return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
