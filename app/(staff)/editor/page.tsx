import type { Metadata } from "next";
import Link from "next/link";
import { StageBadge } from "@/components/negotiations/stage-badge";
import { Forbidden } from "@/components/staff/forbidden";
import { Badge } from "@/components/ui/badge";
import { pageAccess } from "@/lib/auth/page-access";
import { listNegotiationsForStaff } from "@/lib/data/negotiations";

export const metadata: Metadata = { title: "Editor", robots: { index: false } };

const updated = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function EditorDashboard() {
  const { allowed } = await pageAccess("journalist", "/editor");
  if (!allowed) return <Forbidden what="The editor is for journalists and admins." />;
  const negotiations = await listNegotiationsForStaff();
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Editor</h1>
      <p className="mt-2 text-stone-700 dark:text-stone-300">All negotiations, including drafts that readers cannot see.</p>
      <div className="mt-6 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Negotiations</caption>
          <thead className="border-b border-stone-300 dark:border-stone-700">
            <tr>
              <th scope="col" className="py-2 pr-4">Negotiation</th>
              <th scope="col" className="py-2 pr-4">Stage</th>
              <th scope="col" className="py-2 pr-4">State</th>
              <th scope="col" className="py-2 pr-4">Draft developments</th>
              <th scope="col" className="py-2">Updated (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {negotiations.map((n) => (
              <tr key={n.id} className="border-b border-stone-200 dark:border-stone-800">
                <td className="py-2 pr-4">
                  <Link href={`/editor/negotiations/${n.id}`} className="underline">
                    {n.title}
                  </Link>
                </td>
                <td className="py-2 pr-4">
                  <StageBadge stage={n.stage} />
                </td>
                <td className="py-2 pr-4">
                  {n.archived ? <Badge tone="alert">Archived</Badge> : n.publication === "PUBLISHED" ? <Badge tone="done">Published</Badge> : <Badge>Draft</Badge>}
                </td>
                <td className="py-2 pr-4">{n.draftDevelopments}</td>
                <td className="py-2">{updated.format(n.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
