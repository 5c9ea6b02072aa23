import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { directionOf, isLocale } from "@/i18n/routing";
import { localePath } from "@/i18n/paths";
import { siteUrl } from "@/lib/site-url";
// Arabic text is drawn with a bundled typeface (SIL OFL, Arabic subset only), never the
// machine's fallback; globals.css puts it first on Arabic pages.
import "@fontsource/noto-sans-arabic/arabic-400.css";
import "@fontsource/noto-sans-arabic/arabic-700.css";
import "./globals.css";

function pick<T extends Record<string, unknown>>(messages: T, namespaces: string[]): Partial<T> {
  return Object.fromEntries(Object.entries(messages).filter(([key]) => namespaces.includes(key))) as Partial<T>;
}

/**
 * metadataBase makes share-image and canonical addresses absolute with the configured public
 * origin; without it Next.js falls back to http://localhost:<port>, which breaks every share card.
 */
export async function generateMetadata(): Promise<Metadata> {
  const locale = await pageLocale();
  const t = await getTranslations({ locale, namespace: "meta" });
  return {
    metadataBase: siteUrl(),
    title: { default: t("title"), template: locale === "ar" ? "%s · بارلي" : "%s · Parley" },
    description: t("description"),
    alternates: {
      types: {
        "application/rss+xml": localePath(locale, "/feed.xml"),
        "application/atom+xml": localePath(locale, "/atom.xml"),
      },
    },
  };
}

/** The request's locale (proxy.ts sets it for public addresses); English everywhere else. */
async function pageLocale() {
  const locale = await getLocale();
  return isLocale(locale) ? locale : "en";
}

// Headers live in the route-group layouts: reader pages never read the session,
// so they stay cacheable; staff pages show who is signed in.
// Every page is rendered per request: the CSP nonce (proxy.ts) differs each time,
// and a prerendered page would carry scripts without it. Reader data stays cached.
// One root layout for public and staff pages, so `lang`/`dir` come from the request's locale
// rather than a [locale] root layout (staff pages have no locale segment).
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const locale = await pageLocale();
  const t = await getTranslations({ locale, namespace: "layout" });
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:bg-white focus:px-3 focus:py-2 focus:text-black"
        >
          {t("skip")}
        </a>
        {/* Client components need only these namespaces; the rest stays on the server. */}
        <NextIntlClientProvider messages={pick(await getMessages(), ["language", "error"])}>
          {children}
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
