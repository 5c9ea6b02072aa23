import type { Metadata } from "next";
import Link from "next/link";
import { StageBadge } from "@/components/negotiations/stage-badge";
import { DevelopmentItem } from "@/components/reader/development-item";
import { Participants } from "@/components/reader/participants";
import { TermsCard } from "@/components/reader/terms-card";
import { TermsHistory } from "@/components/reader/terms-history";
import { Forbidden } from "@/components/staff/forbidden";
import { Alert } from "@/components/ui/alert";
import { pageAccess } from "@/lib/auth/page-access";
import { getNegotiationPreview, getNegotiationWorkspace } from "@/lib/data/editor/workspace";
import { orNotFound, recordId } from "@/lib/editor-page";

export const metadata: Metadata = { title: "Preview", robots: { index: false } };

/** A negotiation, drafts included, rendered with the reader's components: staff only, never cached. */
export default async function NegotiationPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const id = recordId((await params).id);
  const { allowed } = await pageAccess("journalist", `/editor/negotiations/${id}/preview`);
  if (!allowed) return <Forbidden what="The editor is for journalists and admins." />;
  const [negotiation, preview] = await Promise.all([
    orNotFound(getNegotiationWorkspace(id)),
    getNegotiationPreview(id),
  ]);
  const participants = negotiation.participations
    .filter((p) => !p.archivedAt)
    .map((p) => ({
      role: p.role,
      side: p.side,
      description: p.description,
      actor: { slug: p.actor.slug, name: p.actor.name, shortName: p.actor.shortName, kind: p.actor.kind },
    }));
  return (
    <article className="grid gap-8">
      <p className="text-sm">
        <Link href={`/editor/negotiations/${negotiation.id}`} className="underline">
          ← {negotiation.title}
        </Link>
      </p>
      <Alert tone="success">
        Preview: drafts are shown as if published. Readers see only what is published
        {negotiation.publication === "PUBLISHED" ? "." : "; this negotiation itself is still a draft."}
      </Alert>
      <header>
        <p className="flex flex-wrap items-center gap-2 text-sm text-stone-600 dark:text-stone-400">
          <StageBadge stage={negotiation.stage} />
          <span>
            {negotiation.region}, {negotiation.country}
          </span>
        </p>
        <h1 className="mt-2 font-serif text-3xl font-bold sm:text-4xl" dir="auto">
          {negotiation.title}
        </h1>
        {negotiation.summary ? (
          <p className="mt-3 max-w-3xl text-lg" dir="auto">
            {negotiation.summary}
          </p>
        ) : null}
      </header>
      <TermsCard phases={preview.phases} sides={preview.sides} />
      <Participants participants={participants} />
      <section aria-labelledby="preview-timeline">
        <h2 id="preview-timeline" className="font-serif text-xl font-semibold">
          Timeline
        </h2>
        <ol className="mt-3">
          {preview.developments.map((d) => (
            <DevelopmentItem key={d.id} development={d} />
          ))}
        </ol>
      </section>
      <TermsHistory versions={preview.termsVersions} phases={preview.phases} />
    </article>
  );
}
