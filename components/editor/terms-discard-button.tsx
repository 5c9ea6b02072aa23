"use client";

import { Button } from "@/components/ui/button";
import { discardTermsVersionAction } from "@/lib/actions/terms";
import { firstProblem, useObjectAction } from "./use-object-action";

/** Throws away a mistaken draft version (the newest of its phase, never published). */
export function TermsDiscardButton({ termsVersionId, version }: { termsVersionId: string; version: number }) {
  const { result, pending, submit } = useObjectAction(discardTermsVersionAction);
  const problem = firstProblem(result);
  return (
    <span className="flex items-center gap-2" aria-live="polite">
      <Button
        type="button"
        variant="secondary"
        pending={pending}
        onClick={() => {
          if (window.confirm("Discard this draft version? Its obligations and sources are removed.")) {
            submit({ termsVersionId, version });
          }
        }}
      >
        Discard draft
      </Button>
      {problem ? (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
