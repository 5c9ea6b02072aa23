"use client";

import { ActionForm } from "@/components/staff/action-form";
import { Button } from "@/components/ui/button";
import { reArchiveAction } from "@/lib/actions/archive";

export function ReArchiveButton({ url }: { url: string }) {
  return (
    <ActionForm action={reArchiveAction} successMessage="Queued: a fresh copy will appear here shortly.">
      {({ pending }) => (
        <>
          <input type="hidden" name="url" value={url} />
          <Button type="submit" variant="secondary" pending={pending} aria-label={`Archive ${url} again`}>
            Re-archive
          </Button>
        </>
      )}
    </ActionForm>
  );
}
