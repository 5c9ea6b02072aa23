import type { Metadata } from "next";
import Link from "next/link";
import { DevelopmentForm } from "@/components/editor/development-form";
import { DevelopmentPublicationControls } from "@/components/editor/publication-controls";
import { RevisionHistory } from "@/components/editor/revision-history";
import { TranslationField } from "@/components/editor/translation-field";
import { getTranslationOverview } from "@/lib/data/editor/translation-overview";
import { DevelopmentItem } from "@/components/reader/development-item";
import { Forbidden } from "@/components/staff/forbidden";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { pageAccess } from "@/lib/auth/page-access";
import { listDevelopmentRevisions } from "@/lib/data/editor/revisions";
import { placeRow, quantityRow } from "@/components/editor/form-values";
import {
  getDevelopmentForEditing,
  getDevelopmentPreview,
  listActorOptionsFor,
  listObligationChoices,
} from "@/lib/data/editor/workspace";
import { orNotFound, recordId } from "@/lib/editor-page";

export const metadata: Metadata = { title: "Edit development", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditDevelopmentPage({ params, searchParams }: Props) {
  const id = recordId((await params).id);
  const { allowed } = await pageAccess("journalist", `/editor/developments/${id}`);
  if (!allowed) return <Forbidden what="The editor is for journalists and admins." />;
  const development = await orNotFound(getDevelopmentForEditing(id));
  const [preview, revisions, actors, obligations, translations] = await Promise.all([
    getDevelopmentPreview(id),
    listDevelopmentRevisions(id),
    listActorOptionsFor(development.negotiationId),
    listObligationChoices(development.negotiationId),
    getTranslationOverview(development.negotiationId, "ar"),
  ]);
  const arabic = translations.items.filter((item) => item.developmentId === id);
  const published = development.publication === "PUBLISHED";
  const archived = development.archivedAt !== null;
  const query = await searchParams;
  const saved = Boolean(query.saved);
  const sourceNote = query.source;
  return (
    <div className="grid gap-8">
      <header>
        <p className="text-sm">
          <Link href={`/editor/negotiations/${development.negotiationId}`} className="underline">
            ← {development.negotiation.title}
          </Link>
        </p>
        <h1 className="mt-2 font-serif text-3xl font-bold" dir="auto">
          {development.title}
        </h1>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          {archived ? (
            <Badge tone="alert">Archived</Badge>
          ) : published ? (
            <Badge tone="done">Published</Badge>
          ) : (
            <Badge>Draft</Badge>
          )}
          <span>Version {development.version}</span>
        </p>
        {saved && !published && !archived ? (
          <div className="mt-3">
            <Alert tone="success">
              Draft saved.{" "}
              {sourceNote === "recognised"
                ? "Its source was recognised from the link's domain. "
                : sourceNote === "proposed"
                  ? "Its source was new to Parley and is proposed for an admin's review; it can be published once approved. "
                  : ""}
              Check the preview, then publish.
            </Alert>
          </div>
        ) : null}
      </header>

      <section
        aria-labelledby="publish-heading"
        className="rounded-lg border border-stone-200 p-4 dark:border-stone-700"
      >
        <h2 id="publish-heading" className="font-serif text-xl font-semibold">
          Publication
        </h2>
        <div className="mt-3">
          <DevelopmentPublicationControls
            key={development.version}
            developmentId={development.id}
            version={development.version}
            published={published}
            archived={archived}
          />
        </div>
      </section>

      {preview ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading" className="font-serif text-xl font-semibold">
            Preview, as readers will see it
          </h2>
          <ol className="mt-3 rounded-lg border border-dashed border-stone-300 p-4 dark:border-stone-700">
            <DevelopmentItem development={preview} />
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="arabic-heading">
        <h2 id="arabic-heading" className="font-serif text-xl font-semibold">
          Arabic
        </h2>
        <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
          Optional: without Arabic this development is published English-only, and Arabic readers see the English.{" "}
          <Link href={`/editor/negotiations/${development.negotiationId}/translations`} className="underline">
            All of this negotiation&apos;s translations
          </Link>
        </p>
        <div className="mt-3 grid gap-4">
          {arabic.map((item) => (
            <TranslationField key={`${item.field}:${item.entityId}`} item={item} />
          ))}
        </div>
      </section>

      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading" className="font-serif text-xl font-semibold">
          Edit
        </h2>
        <div className="mt-3">
          <DevelopmentForm
            key={development.id}
            mode="edit"
            negotiationId={development.negotiationId}
            developmentId={development.id}
            version={development.version}
            published={published}
            actors={actors}
            obligations={obligations}
            initial={{
              keyEvent: development.keyEvent,
              ...placeRow(development),
              occurredOn: development.occurredOnText,
              title: development.title,
              summary: development.summary,
              kind: development.kind,
              actorIds: development.actors.map((a) => a.actorId),
              citations: development.citations.map((c, index) => ({
                key: `saved-${index}`,
                source: { id: c.sourceId, name: c.sourceName },
                proposeNew: false,
                newSource: { name: "", kind: "OUTLET", url: "" },
                via: c.viaSourceId ? { id: c.viaSourceId, name: c.viaSourceName } : null,
                attribution: c.attribution,
                url: c.url,
                excerpt: c.excerpt,
                publishedOn: c.publishedOn,
                assessment: c.assessment,
              })),
              stageChange: development.stageChange?.stage ?? "",
              transfers: development.transfers.map((t, index) => ({
                key: `saved-${index}`,
                obligationId: t.obligationId,
                quantity: quantityRow(t.quantity),
                occurredOn: t.occurredOn ?? "",
                ...placeRow(t),
                intermediaryId: t.intermediaryId ?? "",
                note: t.note,
                account: t.accounts[0]
                  ? {
                      attribution: t.accounts[0].attribution,
                      quantity: quantityRow(t.accounts[0].quantity),
                      source: t.accounts[0].sourceId
                        ? { id: t.accounts[0].sourceId, name: t.accounts[0].sourceName ?? "" }
                        : null,
                      sourceUrl: t.accounts[0].sourceUrl ?? "",
                    }
                  : null,
              })),
              // Already confirmed when first saved; the server checks again against the current terms.
              confirmOverAgreed: false,
              correctionNote: "",
              typoOnly: false,
            }}
          />
        </div>
      </section>

      <RevisionHistory
        developmentId={development.id}
        version={development.version}
        published={published}
        revisions={revisions}
      />
    </div>
  );
}
