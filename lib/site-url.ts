import { env } from "@/lib/env";

/** The public base URL for absolute links (share metadata, feeds, JSON-LD). */
export function siteUrl(): URL {
  const settings = env();
  const configured = settings.PARLEY_PUBLIC_URL ?? settings.NEXTAUTH_URL;
  return new URL(configured ?? `http://localhost:${settings.PORT}`);
}
