import Link from "next/link";
import { PageMain } from "@/components/layout/page-main";
import { SiteHeader } from "@/components/layout/site-header";

/** Inside the site frame (header, landmarks, skip-link target), like every other page. */
export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <PageMain>
        <NotFoundMessage />
      </PageMain>
    </>
  );
}

function NotFoundMessage() {
  return (
    <div className="py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent dark:text-red-300">404</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">Page not found</h1>
      <p className="mt-3 text-stone-700 dark:text-stone-300">This page does not exist, or it is not published.</p>
      <Link href="/" className="mt-6 inline-block underline">
        See all negotiations
      </Link>
    </div>
  );
}
