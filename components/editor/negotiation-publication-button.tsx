"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { setNegotiationArchivedAction, setNegotiationPublicationAction } from "@/lib/actions/negotiations";
import { useObjectAction } from "./use-object-action";

/** What readers will see once the negotiation is public, shown before publishing. */
export type ReaderPreviewSummary = {
  title: string;
  stage: string;
  publishedTerms: number;
  publishedDevelopments: number;
  previewHref: string;
};

type Pending = "publish" | "unpublish" | "archive" | null;

/**
 * Publish, unpublish, archive and restore — each confirmed in the page first, saying what
 * readers will then see. Nothing is deleted: archiving hides the negotiation and is reversible.
 */
export function NegotiationPublicationButton({
  negotiationId,
  version,
  published,
  archived,
  summary,
}: {
  negotiationId: string;
  version: number;
  published: boolean;
  archived: boolean;
  summary: ReaderPreviewSummary;
}) {
  const [confirming, setConfirming] = useState<Pending>(null);
  const publication = useObjectAction(setNegotiationPublicationAction);
  const archive = useObjectAction(setNegotiationArchivedAction);
  const failed = [publication.result, archive.result].find((r) => r && !r.ok);
  const pending = publication.pending || archive.pending;
  const empty = summary.publishedTerms === 0 && summary.publishedDevelopments === 0;

  if (archived)
    return (
      <span className="inline-flex flex-wrap items-center gap-2" aria-live="polite">
        <span className="text-sm">Archived: readers cannot see it.</span>
        <Button
          type="button"
          variant="secondary"
          pending={pending}
          onClick={() => archive.submit({ negotiationId, version, archived: false })}
        >
          Restore negotiation
        </Button>
        {failed && !failed.ok ? <Failure message={failed.message} /> : null}
      </span>
    );

  return (
    <span className="inline-flex flex-wrap items-center gap-2" aria-live="polite">
      {confirming === null ? (
        <>
          <Button
            type="button"
            variant={published ? "secondary" : "primary"}
            onClick={() => setConfirming(published ? "unpublish" : "publish")}
          >
            {published ? "Unpublish negotiation" : "Publish negotiation"}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setConfirming("archive")}>
            Archive negotiation
          </Button>
        </>
      ) : (
        <span
          role="group"
          aria-label="Confirm"
          className="grid w-full gap-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          data-testid="negotiation-confirm"
        >
          {confirming === "publish" ? (
            <>
              <span>
                Readers will see “<span dir="auto">{summary.title}</span>” at stage {summary.stage}, with{" "}
                {summary.publishedTerms} published terms version{summary.publishedTerms === 1 ? "" : "s"} and{" "}
                {summary.publishedDevelopments} published development
                {summary.publishedDevelopments === 1 ? "" : "s"}.{" "}
                <a href={summary.previewHref} className="underline">
                  Preview it as readers will see it
                </a>
                .
              </span>
              {empty ? (
                <strong>Nothing is published inside it yet: readers will see only the title and summary.</strong>
              ) : null}
            </>
          ) : confirming === "unpublish" ? (
            <span>Readers, feeds, the API and embeds will stop showing it until it is published again.</span>
          ) : (
            <span>
              Archiving hides it from readers, feeds, the API and embeds. Nothing is deleted; it can be restored from
              here.
            </span>
          )}
          <span className="flex flex-wrap gap-2">
            <Button
              type="button"
              pending={pending}
              onClick={() => {
                if (confirming === "archive") archive.submit({ negotiationId, version, archived: true });
                else publication.submit({ negotiationId, version, publish: confirming === "publish" });
              }}
            >
              {confirming === "publish" ? "Publish now" : confirming === "unpublish" ? "Unpublish now" : "Archive now"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(null)}>
              Cancel
            </Button>
          </span>
        </span>
      )}
      {failed && !failed.ok ? <Failure message={failed.message} /> : null}
    </span>
  );
}

function Failure({ message }: { message: string }) {
  return (
    <span role="alert" className="text-sm text-red-700 dark:text-red-400">
      {message}
    </span>
  );
}
