"use client";

import { Button } from "@/components/ui/button";
import { setNegotiationPublicationAction } from "@/lib/actions/negotiations";
import { useObjectAction } from "./use-object-action";

export function NegotiationPublicationButton({
  negotiationId,
  version,
  published,
}: {
  negotiationId: string;
  version: number;
  published: boolean;
}) {
  const { result, pending, submit } = useObjectAction(setNegotiationPublicationAction);
  return (
    <span className="inline-flex items-center gap-2" aria-live="polite">
      <Button
        type="button"
        variant={published ? "secondary" : "primary"}
        pending={pending}
        onClick={() => submit({ negotiationId, version, publish: !published })}
      >
        {published ? "Unpublish negotiation" : "Publish negotiation"}
      </Button>
      {result && !result.ok ? (
        <span role="alert" className="text-sm text-red-700 dark:text-red-400">
          {result.message}
        </span>
      ) : null}
    </span>
  );
}
