"use client";

import { useLocale, useTranslations } from "next-intl";
import { usePathname } from "@/i18n/navigation";
import { localePath } from "@/i18n/paths";

/**
 * A link to the same page in the other language (the path is kept; the query is the page's own
 * business). A plain address: next-intl's own locale switch would link English as /en/… and
 * redirect, which only a locale cookie needs, and there is none. A full page load, not a client
 * navigation: the root layout's <html lang dir> must change with the language, and a client
 * navigation keeps the root layout as it is.
 */
export function LanguageSwitcher() {
  const t = useTranslations("language");
  const locale = useLocale();
  const pathname = usePathname();
  const other = locale === "ar" ? "en" : "ar";
  return (
    <a
      href={localePath(other, pathname)}
      hrefLang={other}
      lang={other}
      aria-label={t("switchLabel")}
      className="text-sm font-medium underline print:hidden"
      data-testid="language-switcher"
    >
      {t("switchTo")}
    </a>
  );
}
