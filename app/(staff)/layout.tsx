import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { PageMain } from "@/components/layout/page-main";
import { SiteHeader } from "@/components/layout/site-header";
import { StaffAccount } from "@/components/staff/staff-account";
import { getCurrentUser } from "@/lib/auth/session";
import { reviewQueueCount } from "@/lib/data/admin/sources";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  const queue = await reviewQueueCount();
  const waiting = queue.count === 1 ? "1 source" : `${queue.count} sources`;
  const nav = (
    <>
      <li>
        <Link href="/editor" className="hover:underline">
          Editor
        </Link>
      </li>
      <li>
        <Link href="/editor/archive" className="hover:underline">
          Archive
        </Link>
      </li>
      {user.role === "ADMIN" ? (
        <>
          <li>
            <Link href="/admin/sources" className="hover:underline">
              Sources
            </Link>
            {queue.count > 0 ? (
              <>
                {" "}
                <Link
                  href="/admin/sources?status=PROPOSED"
                  className="rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-950 hover:underline dark:bg-amber-900 dark:text-amber-50"
                  data-testid="review-queue"
                >
                  {waiting} to review
                </Link>
              </>
            ) : null}
          </li>
          <li>
            <Link href="/admin/users" className="hover:underline">
              Admin
            </Link>
          </li>
          <li>
            <Link href="/admin/audit" className="hover:underline">
              Audit log
            </Link>
          </li>
          <li>
            <Link href="/admin/webhooks" className="hover:underline">
              Webhooks
            </Link>
          </li>
          <li>
            <Link href="/admin/jobs" className="hover:underline">
              Jobs
            </Link>
          </li>
          <li>
            <Link href="/admin/alerts" className="hover:underline">
              Alerts
            </Link>
          </li>
        </>
      ) : queue.count > 0 ? (
        <li className="text-xs" data-testid="review-queue">
          {waiting} you proposed awaiting review
        </li>
      ) : null}
    </>
  );
  return (
    <>
      <SiteHeader nav={nav} account={<StaffAccount user={user} />} />
      <PageMain>{children}</PageMain>
    </>
  );
}
