/** The public base URL for absolute links (share metadata, feeds, JSON-LD). */
export function siteUrl(): URL {
  const configured = process.env.PARLEY_PUBLIC_URL ?? process.env.NEXTAUTH_URL;
  try {
    if (configured) return new URL(configured);
  } catch {
    // fall through to the local default
  }
  return new URL(`http://localhost:${process.env.PORT ?? 3000}`);
}
