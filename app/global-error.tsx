"use client";

import { usePathname } from "next/navigation";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";

/**
 * Replaces the root layout when it fails, so no translation provider is left: the language is
 * read from the address (/ar/… is Arabic) and the words from the catalogs directly.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const arabic = /^\/ar(?:\/|$)/.test(usePathname() ?? "");
  const t = (arabic ? ar : en).error;
  return (
    <html lang={arabic ? "ar" : "en"} dir={arabic ? "rtl" : "ltr"}>
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1rem", textAlign: "center" }}>
        <h1>{t.globalTitle}</h1>
        <p>{t.retryLater}</p>
        <button type="button" onClick={reset}>
          {t.retry}
        </button>
      </body>
    </html>
  );
}
