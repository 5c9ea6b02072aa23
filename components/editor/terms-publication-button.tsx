"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/define-action";
import { setTermsPublicationAction } from "@/lib/actions/terms";

export function TermsPublicationButton({ termsVersionId, version, published }: { termsVersionId: string; version: number; published: boolean }) {
  const router = useRouter();
  const [result, act, pending] = useActionState(setTermsPublicationAction as (p: unknown, i: Record<string, unknown>) => Promise<ActionResult<unknown>>, null);
  const [, startTransition] = useTransition();
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  return (
    <span className="flex items-center gap-2" aria-live="polite">
      <Button type="button" variant={published ? "secondary" : "primary"} pending={pending} onClick={() => startTransition(() => act({ termsVersionId, version, publish: !published }))}>
        {published ? "Unpublish" : "Publish"}
      </Button>
      {result && !result.ok ? <span role="alert" className="text-red-700 dark:text-red-400">{Object.values(result.errors ?? {}).flat()[0] ?? result.message}</span> : null}
    </span>
  );
}
