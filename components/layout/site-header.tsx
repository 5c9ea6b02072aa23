import Link from "next/link";
import type { ReactNode } from "react";

/** The header every page shares; staff pages pass their own navigation and account menu. */
export function SiteHeader({ nav, account }: { nav?: ReactNode; account?: ReactNode }) {
  return (
    <header className="border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div className="flex flex-wrap items-center gap-6">
          <Link
            href="/"
            className="font-serif text-2xl font-bold tracking-tight text-ink no-underline dark:text-stone-100"
          >
            Parley
          </Link>
          <nav aria-label="Main">
            <ul className="flex flex-wrap gap-4 text-sm">
              <li>
                <Link href="/" className="hover:underline">
                  Negotiations
                </Link>
              </li>
              {nav}
            </ul>
          </nav>
        </div>
        {account ?? (
          <Link
            href="/sign-in"
            prefetch={false}
            className="text-sm text-stone-600 hover:underline dark:text-stone-400 print:hidden"
          >
            Staff sign-in
          </Link>
        )}
      </div>
    </header>
  );
}
