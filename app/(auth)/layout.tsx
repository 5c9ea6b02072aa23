import type { ReactNode } from "react";
import { PageMain } from "@/components/layout/page-main";
import { SiteHeader } from "@/components/layout/site-header";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <PageMain>{children}</PageMain>
    </>
  );
}
