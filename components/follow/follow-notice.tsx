import Link from "next/link";
import type { ReactNode } from "react";
import { followText } from "./follow-text";

/** The frame of each alert page: a heading, what happened, and the way home. */
export function FollowNotice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="max-w-prose" data-testid="follow-notice">
      <h1 className="font-serif text-3xl font-bold">{title}</h1>
      <div className="mt-3 grid gap-3 text-stone-800 dark:text-stone-200">{children}</div>
      <p className="mt-6">
        <Link href="/" className="underline">
          {followText.home}
        </Link>
      </p>
    </section>
  );
}
