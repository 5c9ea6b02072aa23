// The addresses readers fetch without signing in: pages, feeds, the read API and embeds,
// pages and feeds also under a language prefix (/ar, /ar/negotiations/…; see i18n/routing.ts).
// Shared by the production server's page cache (which may keep their anonymous answers) and
// proxy.ts (which marks those answers as publicly cacheable). No Next.js imports: the server
// loads this outside the bundle.

const LOCALE_PREFIX = "(?:/ar(?=/|$))?";

const PUBLIC_ADDRESS = new RegExp(
  "^" +
    LOCALE_PREFIX +
    "(?:/?$|/(?:" +
    [
      "negotiations/[^/]+(?:/corrections|/feed\\.xml|/atom\\.xml|/(?:opengraph|twitter)-image(?:-[\\w-]+)?)?",
      "actors/[^/]+",
      "sources/[^/]+",
      "about/[^/]+",
      "developers",
      "feed\\.xml",
      "atom\\.xml",
    ].join("|") +
    ")$)|^/(?:" +
    [
      "sitemap\\.xml",
      "api/v1/negotiations(?:/[^/]+(?:/developments)?)?",
      "embed/negotiations/[^/]+",
      // Next names an English page's share image under /en/ (its route sits in app/[locale]).
      "en/negotiations/[^/]+/(?:opengraph|twitter)-image(?:-[\\w-]+)?",
    ].join("|") +
    ")$",
);

/** Whether a path (without its query) is one of the public, cacheable addresses. Staff areas never are. */
export function isPublicAddress(pathname: string): boolean {
  return PUBLIC_ADDRESS.test(pathname);
}
