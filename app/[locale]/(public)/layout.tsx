import type { ReactNode } from "react";
import { PrintStamp } from "@/components/layout/print-stamp";
import { PageMain } from "@/components/layout/page-main";
import { SiteHeader } from "@/components/layout/site-header";

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader languages />
      <PageMain>
        {children}
        <PrintStamp />
      </PageMain>
    </>
  );
}
