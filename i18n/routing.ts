import { defineRouting } from "next-intl/routing";

/**
 * English stays where every page has always been (no prefix); Arabic lives under /ar/….
 * The address alone decides the language: no Accept-Language detection and no locale cookie,
 * so a public URL always answers the same bytes and shared caches may keep it (see proxy.ts;
 * the reader is at most offered a link to the other language, client-side).
 * Alternate links come from page metadata and the sitemap, not the middleware's Link header.
 */
export const routing = defineRouting({
  locales: ["en", "ar"],
  defaultLocale: "en",
  localePrefix: "as-needed",
  localeDetection: false,
  localeCookie: false,
  alternateLinks: false,
});

export type Locale = (typeof routing.locales)[number];

export const isLocale = (value: unknown): value is Locale => routing.locales.includes(value as Locale);

/** Writing direction of a locale's pages. */
export const directionOf = (locale: Locale): "ltr" | "rtl" => (locale === "ar" ? "rtl" : "ltr");
