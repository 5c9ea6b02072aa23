// A stand-in origin: only relative paths are accepted, so whichever origin they are
// resolved against, they stay on it. A fixed one lets the browser run the same check.
const BASE = "http://parley.invalid";
// Landing back on these would loop or hit next-auth's own endpoints.
const REFUSED_PREFIXES = ["/sign-in", "/api/auth"];

/**
 * Where to go after signing in: a path on this site, or `fallback`.
 *
 * The target is parsed the way a browser parses it (WHATWG URL: tabs and newlines
 * dropped, backslashes read as slashes, dot segments removed) and accepted only if
 * it stays on the same origin and its normalised form is not scheme-relative:
 * "/.//evil.example" normalises to "//evil.example", which a browser would read
 * as another host. The normalised path is what is returned, and it must resolve
 * to the same address again, so what the browser is sent to is what was checked.
 */
export function safeCallbackUrl(value: string | string[] | null | undefined, fallback = "/editor"): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (typeof candidate !== "string" || !candidate.startsWith("/")) return fallback;
  const target = sameOriginPath(candidate);
  if (!target) return fallback;
  const { pathname } = new URL(target, BASE);
  if (REFUSED_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))) return fallback;
  return target;
}

function sameOriginPath(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return null;
  const again = new URL(path, BASE);
  return again.origin === BASE && again.href === url.href ? path : null;
}
