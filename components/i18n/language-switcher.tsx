"use client";

import { useLocale, useTranslations } from "next-intl";
import NextLink from "next/link";
import { usePathname } from "@/i18n/navigation";
import { localePath } from "@/i18n/paths";

/**
 * A link to the same page in the other language (the path is kept; the query is the page's own
 * business). A plain address: next-intl's own locale switch would link English as /en/… and
 * redirect, which only a locale cookie needs, and there is none.
 */
export function LanguageSwitcher() {
  const t = useTranslations("language");
  const locale = useLocale();
  const pathname = usePathname();
  const other = locale === "ar" ? "en" : "ar";
  return (
    <NextLink
      href={localePath(other, pathname)}
      hrefLang={other}
      lang={other}
      prefetch={false}
      aria-label={t("switchLabel")}
      className="text-sm font-medium underline print:hidden"
      data-testid="language-switcher"
    >
      {t("switchTo")}
    </NextLink>
  );
}
