"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { usePathname } from "@/i18n/navigation";
import { localePath } from "@/i18n/paths";

/**
 * Offers the other language when the browser prefers it. Decided in the browser, never by the
 * server: a public URL answers the same to everyone, so shared caches may keep it, and
 * Accept-Language never redirects.
 */
export function LanguageSuggestion() {
  const t = useTranslations("language");
  const locale = useLocale();
  const pathname = usePathname();
  const [show, setShow] = useState(false);
  useEffect(() => {
    const preferred = navigator.languages?.[0] ?? navigator.language ?? "";
    const wants = preferred.toLowerCase().startsWith("ar") ? "ar" : "en";
    // A browser state known only after hydration; the server's HTML never carries it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setShow(wants !== locale && wants === "ar");
  }, [locale]);
  if (!show) return null;
  return (
    <p className="bg-amber-50 px-4 py-2 text-center text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100 print:hidden">
      {/* A full page load: <html lang dir> belongs to the root layout, which a client navigation keeps. */}
      <a href={localePath("ar", pathname)} hrefLang="ar" lang="ar" dir="rtl" className="underline">
        {t("suggest")}
      </a>
    </p>
  );
}
