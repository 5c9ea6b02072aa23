"use client";

// Unexpected errors are logged on the server; readers get a generic message and a retry.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="py-16 text-center">
      <h1 className="font-serif text-3xl font-bold">Something went wrong</h1>
      <p className="mt-3 text-stone-700 dark:text-stone-300">
        We could not load this page. Please try again in a moment.
        {error.digest ? <span className="mt-1 block text-xs text-stone-500">Reference: {error.digest}</span> : null}
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-ink px-4 py-2 text-white hover:opacity-90">
        Try again
      </button>
    </div>
  );
}
