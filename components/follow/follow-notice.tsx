import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Link } from "@/i18n/navigation";

/** The frame of each alert page: a heading, what happened, and the way home (in the page's language). */
export async function FollowNotice({ title, children }: { title: string; children: ReactNode }) {
  const t = await getTranslations("follow.pages");
  return (
    <section className="max-w-prose" data-testid="follow-notice">
      <h1 className="font-serif text-3xl font-bold">{title}</h1>
      <div className="mt-3 grid gap-3 text-stone-800 dark:text-stone-200">{children}</div>
      <p className="mt-6">
        <Link href="/" className="underline">
          {t("home")}
        </Link>
      </p>
    </section>
  );
}
