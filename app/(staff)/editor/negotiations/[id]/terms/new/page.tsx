import type { Metadata } from "next";
import Link from "next/link";
import { quantityRow, type ObligationRow } from "@/components/editor/form-values";
import { TermsForm, type PhaseChoice } from "@/components/editor/terms-form";
import { Forbidden } from "@/components/staff/forbidden";
import { pageAccess } from "@/lib/auth/page-access";
import { getNegotiationWorkspace, getStaffLedger, listActorOptionsFor } from "@/lib/data/editor/workspace";
import { orNotFound, recordId } from "@/lib/editor-page";

export const metadata: Metadata = { title: "Update the terms", robots: { index: false } };

export default async function NewTermsVersionPage({ params }: { params: Promise<{ id: string }> }) {
  const id = recordId((await params).id);
  const { allowed } = await pageAccess("journalist", `/editor/negotiations/${id}/terms/new`);
  if (!allowed) return <Forbidden what="The editor is for journalists and admins." />;
  const [negotiation, ledger, actors] = await Promise.all([
    orNotFound(getNegotiationWorkspace(id)),
    getStaffLedger(id),
    listActorOptionsFor(id),
  ]);
  // Each phase's newest version, drafts included, is what a new version carries over.
  const phases: PhaseChoice[] = ledger.phases.map((phase) => ({
    id: phase.id,
    label: phase.name || (ledger.phases.length > 1 ? `Phase ${phase.number}` : "The terms"),
    status: phase.current?.status ?? null,
    obligations: (phase.current?.obligations ?? []).map((o): ObligationRow => ({
      key: o.id,
      obligationId: o.id,
      label: `${o.releasing.name} releases ${o.text} to ${o.receiving.name}`,
      releasingActorId: "",
      receivingActorId: "",
      category: o.category,
      useRatio: o.ratio !== null,
      quantity: quantityRow(o.quantity),
      perUnit: o.ratio?.perUnit.toString() ?? "",
      perUnitOf: o.ratio?.perUnitOf ?? "",
      description: o.description,
      withdrawn: o.withdrawn,
      // Carried with the obligation, so a new version keeps its parts unless they are edited.
      breakdowns: o.breakdowns.map((b, i) => ({
        key: `${o.id}-${i}`,
        label: b.label,
        category: b.category ?? "",
        quantity: quantityRow(b.quantity),
      })),
    })),
  }));
  const current = ledger.phases[0]?.current;
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
          ? "Starts from the phase's newest version, which is kept in the history; its obligations are carried over."
          : "The first version of the terms."}{" "}
        Saved as a draft; publish it from the workspace.
      </p>
      <div className="mt-6">
        <TermsForm negotiationId={negotiation.id} actors={actors} phases={phases} />
      </div>
    </>
  );
}
