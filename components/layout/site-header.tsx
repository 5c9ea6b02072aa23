import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="font-serif text-2xl font-bold tracking-tight text-ink no-underline dark:text-stone-100">
          Parley
        </Link>
        <nav aria-label="Main">
          <ul className="flex gap-4 text-sm">
            <li>
              <Link href="/" className="hover:underline">
                Negotiations
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
