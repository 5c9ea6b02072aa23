import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { PrintStamp } from "@/components/layout/print-stamp";
import { PageMain } from "@/components/layout/page-main";
import { SiteHeader } from "@/components/layout/site-header";
import { currentLocale } from "@/i18n/server";
import { intlLocale } from "@/lib/i18n-format";

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const [t, locale] = await Promise.all([getTranslations("layout"), currentLocale()]);
  return (
    <>
      <SiteHeader languages />
      <PageMain>
        {children}
        <PrintStamp template={t.raw("printed") as string} intlLocale={intlLocale(locale)} />
      </PageMain>
    </>
  );
}
