"use client";

import { useState } from "react";
import type { PickedSource } from "@/components/editor/form-values";
import { SourcePicker } from "@/components/editor/source-picker";
import { useObjectAction } from "@/components/editor/use-object-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { changeSourceStateAction, mergeSourcesAction } from "@/lib/actions/sources";

type Props = { sourceId: string; version: number; status: string; cited: boolean; merged: boolean };

export function SourceStateActions({ sourceId, version, status, cited, merged }: Props) {
  const [lastAction, setLastAction] = useState("");
  // A deleted source has no page to refresh: go back to the list.
  const { result, pending, submit } = useObjectAction(changeSourceStateAction, () =>
    lastAction === "delete" ? "/admin/sources" : undefined,
  );
  const [target, setTarget] = useState<PickedSource | null>(null);
  const merge = useObjectAction<{ moved: number }>(mergeSourcesAction);
  if (merged) return <p className="text-sm">This source was merged; its page redirects to the surviving source.</p>;
  const act = (action: string) => {
    setLastAction(action);
    submit({ sourceId, version, action });
  };
  return (
    <div className="grid gap-4" aria-live="polite">
      {result && !result.ok ? <Alert>{result.message}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        {status === "PROPOSED" ? (
          <Button type="button" pending={pending} onClick={() => act("approve")}>
            Approve
          </Button>
        ) : null}
        {status === "ARCHIVED" ? (
          <Button type="button" variant="secondary" pending={pending} onClick={() => act("restore")}>
            Restore
          </Button>
        ) : (
          <Button type="button" variant="secondary" pending={pending} onClick={() => act("archive")}>
            Archive
          </Button>
        )}
        {cited ? null : (
          <Button
            type="button"
            variant="danger"
            pending={pending}
            onClick={() => window.confirm("Delete this source for good? Nothing cites it.") && act("delete")}
          >
            Delete
          </Button>
        )}
      </div>
      <form
        noValidate
        className="grid gap-2 rounded border border-stone-200 p-3 dark:border-stone-700"
        onSubmit={(event) => {
          event.preventDefault();
          merge.submit({ sourceId, version, intoSourceId: target?.id ?? "" });
        }}
      >
        <p className="text-sm font-medium">Merge this duplicate into another source</p>
        <SourcePicker
          name="merge-into"
          label="Source to keep"
          value={target}
          onChange={setTarget}
          error={merge.errors?.intoSourceId}
        />
        {merge.result && !merge.result.ok && !merge.errors?.intoSourceId ? <Alert>{merge.result.message}</Alert> : null}
        {merge.result?.ok ? <Alert tone="success">Merged: {merge.result.data?.moved} citation(s) moved.</Alert> : null}
        <div>
          <Button type="submit" variant="secondary" pending={merge.pending}>
            Merge
          </Button>
        </div>
      </form>
    </div>
  );
}
