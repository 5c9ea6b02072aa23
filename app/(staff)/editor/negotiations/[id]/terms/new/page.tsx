import type { Metadata } from "next";
import Link from "next/link";
import { TermsForm } from "@/components/editor/terms-form";
import { Forbidden } from "@/components/staff/forbidden";
import { pageAccess } from "@/lib/auth/page-access";
import { getNegotiationWorkspace, listActorOptions } from "@/lib/data/editor/workspace";
import { orNotFound, recordId } from "@/lib/editor-page";

export const metadata: Metadata = { title: "Update the terms", robots: { index: false } };

export default async function NewTermsVersionPage({ params }: { params: Promise<{ id: string }> }) {
  const id = recordId((await params).id);
  const { allowed } = await pageAccess("journalist", `/editor/negotiations/${id}/terms/new`);
  if (!allowed) return <Forbidden what="The editor is for journalists and admins." />;
  const [negotiation, actors] = await Promise.all([orNotFound(getNegotiationWorkspace(id)), listActorOptions()]);
  const current = negotiation.termsVersions[0];
  const initialItems = (current?.items ?? []).map((item) => ({
    key: item.id,
    releasingActorId: item.releasingActorId,
    receivingActorId: item.receivingActorId,
    exact: item.countExact?.toString() ?? "",
    min: item.countMin?.toString() ?? "",
    max: item.countMax?.toString() ?? "",
    wording: item.countWording ?? "",
    category: item.category,
    description: item.description,
  }));
  return (
    <>
      <p className="text-sm">
        <Link href={`/editor/negotiations/${negotiation.id}`} className="underline">
          ← {negotiation.title}
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-3xl font-bold">Update the terms</h1>
      <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">
        {current
          ? `Starts from version ${current.number}, which is kept in the history.`
          : "The first version of the terms."}{" "}
        Saved as a draft; publish it from the workspace.
      </p>
      <div className="mt-6">
        <TermsForm
          negotiationId={negotiation.id}
          actors={actors}
          initialItems={initialItems}
          initialStatus={current?.status ?? "PROPOSED"}
        />
      </div>
    </>
  );
}
