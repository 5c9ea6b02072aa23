import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { languageAlternates, localePath } from "@/i18n/paths";
import { routing } from "@/i18n/routing";
import { getSitemapEntries } from "@/lib/data/reader/sitemap";
import { siteUrl } from "@/lib/site-url";

/**
 * Public pages only; staff areas are never listed (see robots.ts). Every page once per language,
 * each entry naming all its language versions (hreflang, x-default the English page).
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const base = siteUrl();
  const entries = await getSitemapEntries();
  const pages: Array<Omit<MetadataRoute.Sitemap[number], "url"> & { path: string }> = [
    { path: "/", changeFrequency: "hourly" },
    { path: "/about/reliability", changeFrequency: "monthly" },
    { path: "/developers", changeFrequency: "monthly" },
    ...entries.map((entry) => ({ path: entry.path, lastModified: entry.updatedAt })),
  ];
  return routing.locales.flatMap((locale) =>
    pages.map(({ path, ...rest }) => ({
      url: new URL(localePath(locale, path), base).toString(),
      ...rest,
      alternates: { languages: languageAlternates(path, base) },
    })),
  );
}
