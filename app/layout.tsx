import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { siteUrl } from "@/lib/site-url";
import "./globals.css";

/**
 * metadataBase makes share-image and canonical addresses absolute with the configured public
 * origin; without it Next.js falls back to http://localhost:<port>, which breaks every share card.
 */
export const generateMetadata = (): Metadata => ({
  metadataBase: siteUrl(),
  title: { default: "Parley — prisoner-exchange negotiations, sourced", template: "%s · Parley" },
  description:
    "Parley tracks prisoner-exchange negotiations: who releases whom, how many, where talks stand, and the sources behind every fact.",
  alternates: { types: { "application/rss+xml": "/feed.xml", "application/atom+xml": "/atom.xml" } },
});

// Headers live in the route-group layouts: reader pages never read the session,
// so they stay cacheable; staff pages show who is signed in.
// Every page is rendered per request: the CSP nonce (proxy.ts) differs each time,
// and a prerendered page would carry scripts without it. Reader data stays cached.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-3 focus:py-2 focus:text-black"
        >
          Skip to content
        </a>
        {children}
        <SiteFooter />
      </body>
    </html>
  );
}
