/** Only same-site paths: an attacker-supplied absolute URL must not become a redirect. */
export function safeCallbackUrl(value: string | string[] | null | undefined, fallback = "/editor"): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return fallback;
  return candidate;
}
