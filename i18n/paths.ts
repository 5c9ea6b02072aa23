import { routing, type Locale } from "./routing";

/** A site path in a locale: "/negotiations/x" stays as is in English and becomes "/ar/negotiations/x" in Arabic. */
export function localePath(locale: Locale, path: string): string {
  if (locale === routing.defaultLocale) return path;
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}

/** `alternates.languages` for a page's metadata: en, ar and x-default (the English page), absolute. */
export function languageAlternates(path: string, base: URL): Record<string, string> {
  const absolute = (locale: Locale) => new URL(localePath(locale, path), base).toString();
  return {
    ...Object.fromEntries(routing.locales.map((locale) => [locale, absolute(locale)])),
    "x-default": absolute(routing.defaultLocale),
  };
}
