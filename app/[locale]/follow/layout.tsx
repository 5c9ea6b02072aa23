// The reader's alert pages (sign-up answer, confirmation, unsubscribe), in both languages:
// /follow/… in English as always, /ar/follow/… in Arabic (the root layout sets lang and dir).
// They sit outside (public) on purpose: they are never cached (proxy.ts marks them private,
// no-store, as they are not public addresses) and are not indexed.
import type { ReactNode } from "react";
import { PageMain } from "@/components/layout/page-main";
import { SiteHeader } from "@/components/layout/site-header";

export const metadata = { robots: { index: false } };

export default function FollowLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <PageMain>{children}</PageMain>
    </>
  );
}
