import type { Metadata } from "next";
import Link from "next/link";
import { DevelopmentForm } from "@/components/editor/development-form";
import { emptyDevelopmentValues } from "@/components/editor/form-values";
import { Forbidden } from "@/components/staff/forbidden";
import { pageAccess } from "@/lib/auth/page-access";
import { getNegotiationWorkspace, listActorOptionsFor, listObligationChoices } from "@/lib/data/editor/workspace";
import { orNotFound, recordId } from "@/lib/editor-page";

export const metadata: Metadata = { title: "Log a development", robots: { index: false } };

export default async function NewDevelopmentPage({ params }: { params: Promise<{ id: string }> }) {
  const id = recordId((await params).id);
  const { allowed } = await pageAccess("journalist", `/editor/negotiations/${id}/developments/new`);
  if (!allowed) return <Forbidden what="The editor is for journalists and admins." />;
  const negotiation = await orNotFound(getNegotiationWorkspace(id));
  const [actors, obligations] = await Promise.all([listActorOptionsFor(id), listObligationChoices(id)]);
  return (
    <>
      <p className="text-sm">
        <Link href={`/editor/negotiations/${negotiation.id}`} className="underline">
          ← {negotiation.title}
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-3xl font-bold">Log a development</h1>
      <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">
        Saved as a draft; publish it from the next page once it is sourced.
      </p>
      <div className="mt-6">
        <DevelopmentForm
          mode="create"
          negotiationId={negotiation.id}
          initial={emptyDevelopmentValues()}
          actors={actors}
          obligations={obligations}
        />
      </div>
    </>
  );
}
