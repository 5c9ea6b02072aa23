"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/define-action";
import { setDevelopmentArchivedAction, setDevelopmentPublicationAction } from "@/lib/actions/developments";

type Action = (previous: unknown, input: Record<string, unknown>) => Promise<ActionResult<unknown>>;

export function DevelopmentPublicationControls({ developmentId, version, published, archived }: { developmentId: string; version: number; published: boolean; archived: boolean }) {
  const router = useRouter();
  const [confirmAnonymous, setConfirmAnonymous] = useState(false);
  const [publishResult, publish, publishing] = useActionState(setDevelopmentPublicationAction as Action, null);
  const [archiveResult, archive, archiving] = useActionState(setDevelopmentArchivedAction as Action, null);
  const [, startTransition] = useTransition();
  const result = publishResult ?? archiveResult;
  const needsConfirmation = publishResult && !publishResult.ok && publishResult.errors?.confirmSingleAnonymous;

  useEffect(() => {
    if (publishResult?.ok || archiveResult?.ok) router.refresh();
  }, [publishResult, archiveResult, router]);

  return (
    <div className="grid gap-3" aria-live="polite">
      {result && !result.ok ? <Alert>{result.message === "Please correct the fields marked below." ? Object.values(result.errors ?? {}).flat().join(" ") : Object.values(result.errors ?? {}).flat()[0] ?? result.message}</Alert> : null}
      {needsConfirmation ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={confirmAnonymous} onChange={(e) => setConfirmAnonymous(e.target.checked)} />
          I confirm publishing on a single anonymous source; readers will see it marked.
        </label>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {archived ? null : published ? (
          <Button type="button" variant="secondary" pending={publishing} onClick={() => startTransition(() => publish({ developmentId, version, publish: false }))}>
            Unpublish
          </Button>
        ) : (
          <Button type="button" pending={publishing} onClick={() => startTransition(() => publish({ developmentId, version, publish: true, confirmSingleAnonymous: confirmAnonymous }))}>
            Publish
          </Button>
        )}
        <Button type="button" variant={archived ? "secondary" : "danger"} pending={archiving} onClick={() => startTransition(() => archive({ developmentId, version, archived: !archived }))}>
          {archived ? "Restore from archive" : "Archive"}
        </Button>
      </div>
    </div>
  );
}
