import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { siteUrl } from "@/lib/site-url";

/** Staff areas and the staff-only API are never for crawlers (they also require a session). */
export default async function robots(): Promise<MetadataRoute.Robots> {
  // At request time, so the sitemap address follows the deployment's NEXTAUTH_URL / PARLEY_PUBLIC_URL.
  await connection();
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: ["/editor", "/admin", "/account", "/sign-in", "/api/editor", "/api/admin", "/api/auth"],
    },
    sitemap: new URL("/sitemap.xml", siteUrl()).toString(),
  };
}
