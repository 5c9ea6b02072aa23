import type { Metadata } from "next";
import Link from "next/link";
import { QuickEntryForm } from "@/components/editor/quick-entry-form";
import { Forbidden } from "@/components/staff/forbidden";
import { pageAccess } from "@/lib/auth/page-access";
import { getNegotiationWorkspace } from "@/lib/data/editor/workspace";
import { orNotFound, recordId } from "@/lib/editor-page";

export const metadata: Metadata = { title: "Quick entry", robots: { index: false } };

export default async function QuickEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const id = recordId((await params).id);
  const { allowed } = await pageAccess("journalist", `/editor/negotiations/${id}/developments/quick`);
  if (!allowed) return <Forbidden what="The editor is for journalists and admins." />;
  const negotiation = await orNotFound(getNegotiationWorkspace(id));
  return (
    <>
      <p className="text-sm">
        <Link href={`/editor/negotiations/${negotiation.id}`} className="underline">
          ← {negotiation.title}
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-3xl font-bold">Quick entry</h1>
      <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">
        Saved as a draft dated today, with its citation. Add the date, transfers, a stage change or actors on the next
        page, then publish.{" "}
        <Link href={`/editor/negotiations/${negotiation.id}/developments/new`} className="underline">
          The full form
        </Link>
      </p>
      <div className="mt-6 max-w-2xl">
        <QuickEntryForm negotiationId={negotiation.id} />
      </div>
    </>
  );
}
