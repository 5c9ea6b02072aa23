import Link from "next/link";

export default function NotFound() {
  return (
    <div className="py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent">404</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">Page not found</h1>
      <p className="mt-3 text-stone-700 dark:text-stone-300">This page does not exist, or it is not published.</p>
      <Link href="/" className="mt-6 inline-block underline">
        See all negotiations
      </Link>
    </div>
  );
}
