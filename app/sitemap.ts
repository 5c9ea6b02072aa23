import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { getSitemapEntries } from "@/lib/data/reader/sitemap";
import { siteUrl } from "@/lib/site-url";

/** Public pages only; staff areas are never listed (see robots.ts). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const base = siteUrl();
  const entries = await getSitemapEntries();
  return [
    { url: new URL("/", base).toString(), changeFrequency: "hourly" },
    { url: new URL("/about/reliability", base).toString(), changeFrequency: "monthly" },
    { url: new URL("/developers", base).toString(), changeFrequency: "monthly" },
    ...entries.map((entry) => ({ url: new URL(entry.path, base).toString(), lastModified: entry.updatedAt })),
  ];
}
