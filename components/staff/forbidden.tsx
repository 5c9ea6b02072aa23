import Link from "next/link";

export function Forbidden({ what }: { what: string }) {
  return (
    <div className="py-12 text-center" role="alert">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent">403</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">Not available to your role</h1>
      <p className="mt-3 text-stone-700 dark:text-stone-300">{what} Ask an admin if you need access.</p>
      <Link href="/editor" className="mt-6 inline-block underline">
        Back to the editor
      </Link>
    </div>
  );
}
