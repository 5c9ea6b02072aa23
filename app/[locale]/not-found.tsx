import { PageMain } from "@/components/layout/page-main";
import { NotFoundMessage } from "@/components/layout/not-found-message";
import { SiteHeader } from "@/components/layout/site-header";

/** A public address that does not exist, in the language of its prefix. */
export default function LocaleNotFound() {
  return (
    <>
      <SiteHeader languages />
      <PageMain>
        <NotFoundMessage />
      </PageMain>
    </>
  );
}
