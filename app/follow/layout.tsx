// The reader's alert pages (sign-up answer, confirmation, unsubscribe). They sit outside
// app/(public) on purpose: they are never cached (proxy.ts marks them private, no-store, as they
// are not public addresses) and hold no content to translate into the page structure there.
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
