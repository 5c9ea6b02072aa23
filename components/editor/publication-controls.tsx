"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { setDevelopmentArchivedAction, setDevelopmentPublicationAction } from "@/lib/actions/developments";
import { firstProblem, useObjectAction } from "./use-object-action";

export function DevelopmentPublicationControls({
  developmentId,
  version,
  published,
  archived,
}: {
  developmentId: string;
  version: number;
  published: boolean;
  archived: boolean;
}) {
  const [confirmAnonymous, setConfirmAnonymous] = useState(false);
  const publication = useObjectAction(setDevelopmentPublicationAction);
  const archiving = useObjectAction(setDevelopmentArchivedAction);
  const problem = firstProblem(publication.result) ?? firstProblem(archiving.result);
  const needsConfirmation = publication.errors?.confirmSingleAnonymous;

  return (
    <div className="grid gap-3" aria-live="polite">
      {problem ? <Alert>{problem}</Alert> : null}
      {needsConfirmation ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={confirmAnonymous} onChange={(e) => setConfirmAnonymous(e.target.checked)} />I
          confirm publishing on a single anonymous source; readers will see it marked.
        </label>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {archived ? null : published ? (
          <Button
            type="button"
            variant="secondary"
            pending={publication.pending}
            onClick={() => publication.submit({ developmentId, version, publish: false })}
          >
            Unpublish
          </Button>
        ) : (
          <Button
            type="button"
            pending={publication.pending}
            onClick={() =>
              publication.submit({ developmentId, version, publish: true, confirmSingleAnonymous: confirmAnonymous })
            }
          >
            Publish
          </Button>
        )}
        <Button
          type="button"
          variant={archived ? "secondary" : "danger"}
          pending={archiving.pending}
          onClick={() => archiving.submit({ developmentId, version, archived: !archived })}
        >
          {archived ? "Restore from archive" : "Archive"}
        </Button>
      </div>
    </div>
  );
}
