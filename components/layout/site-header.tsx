import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSuggestion } from "@/components/i18n/language-suggestion";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { Link } from "@/i18n/navigation";

/**
 * The header every page shares; staff pages pass their own navigation and account menu. The
 * sign-in link is the same in every language (staff screens are English).
 */
export async function SiteHeader({
  nav,
  account,
  languages = false,
}: {
  nav?: ReactNode;
  account?: ReactNode;
  /** Reader pages, which exist in every language: offer the other one. */
  languages?: boolean;
}) {
  const t = await getTranslations("layout");
  const reader = languages;
  // A full page load: staff pages are English, and <html lang dir> belongs to the root layout,
  // which a client navigation from an Arabic page would keep.
  /* eslint-disable @next/next/no-html-link-for-pages */
  const signIn = (
    <a href="/sign-in" className="text-sm text-stone-600 hover:underline dark:text-stone-400 print:hidden">
      {t("signIn")}
    </a>
  );
  /* eslint-enable @next/next/no-html-link-for-pages */
  return (
    <header className="border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
      {reader ? <LanguageSuggestion /> : null}
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div className="flex flex-wrap items-center gap-6">
          <Link
            href="/"
            className="font-serif text-2xl font-bold tracking-tight text-ink no-underline dark:text-stone-100"
          >
            {t("home")}
          </Link>
          <nav aria-label={t("mainNav")}>
            <ul className="flex flex-wrap gap-4 text-sm">
              <li>
                <Link href="/" className="hover:underline">
                  {t("negotiations")}
                </Link>
              </li>
              {nav}
            </ul>
          </nav>
        </div>
        <div className="flex flex-wrap items-center gap-4">
          {reader ? <LanguageSwitcher /> : null}
          {account ?? signIn}
        </div>
      </div>
    </header>
  );
}
