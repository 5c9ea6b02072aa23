export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 px-4 py-6 text-center text-xs text-stone-600 dark:border-stone-800 dark:text-stone-400">
      Parley tracks prisoner-exchange negotiations. Every fact cites its source; corrections are made in the open.{" "}
      <a href="/developers" className="underline">
        API and feeds
      </a>
    </footer>
  );
}
