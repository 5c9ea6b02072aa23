import "server-only";
import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { siteUrl } from "@/lib/site-url";
import { languageAlternates, localePath } from "./paths";
import { isLocale, routing, type Locale } from "./routing";

/** The locale of the page being rendered (English outside the public tree). */
export async function currentLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : routing.defaultLocale;
}

/**
 * A public page's `alternates`: its canonical address in this language, hreflang links to every
 * language (and x-default, the English page), and the feeds (a page's own, or the site's).
 */
export function pageAlternates(
  locale: Locale,
  path: string,
  feedPath = "",
  extraTypes: Record<string, string> = {},
): NonNullable<Metadata["alternates"]> {
  const base = siteUrl();
  return {
    canonical: new URL(localePath(locale, path), base).toString(),
    languages: languageAlternates(path, base),
    types: {
      "application/rss+xml": new URL(localePath(locale, `${feedPath}/feed.xml`), base).toString(),
      "application/atom+xml": new URL(localePath(locale, `${feedPath}/atom.xml`), base).toString(),
      ...extraTypes,
    },
  };
}
