import { PageMain } from "@/components/layout/page-main";
import { NotFoundMessage } from "@/components/layout/not-found-message";
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
