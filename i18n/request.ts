import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { routing } from "./routing";

/**
 * The locale of a request: the [locale] segment on public pages, else the header proxy.ts's
 * next-intl middleware sets; staff pages and everything outside the public tree are English.
 */
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    // Every date on the site is a calendar date in UTC (reporting is dated, not timed).
    timeZone: "UTC",
  };
});
