import type { Metadata } from "next";
import Link from "next/link";
import { StageBadge } from "@/components/negotiations/stage-badge";
import { Forbidden } from "@/components/staff/forbidden";
import { Badge } from "@/components/ui/badge";
import { pageAccess } from "@/lib/auth/page-access";
import { listMyDrafts, listRecentActivity } from "@/lib/data/editor/dashboard";
import { listNegotiationsForStaff } from "@/lib/data/negotiations";

export const metadata: Metadata = { title: "Editor", robots: { index: false } };

const updated = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function EditorDashboard() {
  const { allowed } = await pageAccess("journalist", "/editor");
  if (!allowed) return <Forbidden what="The editor is for journalists and admins." />;
  const [negotiations, drafts, activity] = await Promise.all([
    listNegotiationsForStaff(),
    listMyDrafts(),
    listRecentActivity(),
  ]);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-3xl font-bold">Editor</h1>
        <Link
          href="/editor/negotiations/new"
          className="rounded bg-ink px-4 py-2 text-sm font-medium text-white dark:bg-stone-100 dark:text-stone-900"
        >
          New negotiation
        </Link>
      </div>
      <p className="mt-2 text-stone-700 dark:text-stone-300">
        All negotiations, including drafts that readers cannot see.
      </p>
      <div className="mt-6 overflow-x-auto">
        <table className="stack-on-phone w-full text-left text-sm">
          <caption className="sr-only">Negotiations</caption>
          <thead className="border-b border-stone-300 dark:border-stone-700">
            <tr>
              <th scope="col" className="py-2 pr-4">
                Negotiation
              </th>
              <th scope="col" className="py-2 pr-4">
                Stage
              </th>
              <th scope="col" className="py-2 pr-4">
                State
              </th>
              <th scope="col" className="py-2 pr-4">
                Draft developments
              </th>
              <th scope="col" className="py-2">
                Updated (UTC)
              </th>
            </tr>
          </thead>
          <tbody>
            {negotiations.map((n) => (
              <tr key={n.id} className="border-b border-stone-200 dark:border-stone-800">
                <td data-label="Negotiation" className="py-2 pr-4">
                  <Link href={`/editor/negotiations/${n.id}`} className="underline">
                    {n.title}
                  </Link>
                </td>
                <td data-label="Stage" className="py-2 pr-4">
                  <StageBadge stage={n.stage} />
                </td>
                <td data-label="State" className="py-2 pr-4">
                  {n.archived ? (
                    <Badge tone="alert">Archived</Badge>
                  ) : n.publication === "PUBLISHED" ? (
                    <Badge tone="done">Published</Badge>
                  ) : (
                    <Badge>Draft</Badge>
                  )}
                </td>
                <td data-label="Draft developments" className="py-2 pr-4">
                  {n.draftDevelopments}
                </td>
                <td data-label="Updated (UTC)" className="py-2">
                  {updated.format(n.updatedAt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-10 grid gap-8 md:grid-cols-2">
        <section aria-labelledby="my-drafts">
          <h2 id="my-drafts" className="font-serif text-xl font-semibold">
            My drafts
          </h2>
          {drafts.length === 0 ? (
            <p className="mt-2 text-sm">No unpublished developments.</p>
          ) : (
            <ul className="mt-2 grid gap-1 text-sm">
              {drafts.map((d) => (
                <li key={d.id}>
                  <Link href={`/editor/developments/${d.id}`} className="underline" dir="auto">
                    {d.title}
                  </Link>{" "}
                  <span className="text-stone-600 dark:text-stone-400">({d.negotiation.title})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="recent-activity">
          <h2 id="recent-activity" className="font-serif text-xl font-semibold">
            Recent activity
          </h2>
          <ul className="mt-2 grid gap-1 text-sm">
            {activity.map((entry) => (
              <li key={entry.id.toString()}>
                {updated.format(entry.at)} · {entry.user?.name} · {entry.action.replace(".", " ")}
                {entry.negotiation ? (
                  <>
                    {" "}
                    ·{" "}
                    <Link href={`/editor/negotiations/${entry.negotiation.id}`} className="underline">
                      {entry.negotiation.title}
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
