"use client";

import { Button } from "@/components/ui/button";
import { setTermsPublicationAction } from "@/lib/actions/terms";
import { firstProblem, useObjectAction } from "./use-object-action";

export function TermsPublicationButton({
  termsVersionId,
  version,
  published,
}: {
  termsVersionId: string;
  version: number;
  published: boolean;
}) {
  const { result, pending, submit } = useObjectAction(setTermsPublicationAction);
  const problem = firstProblem(result);
  return (
    <span className="flex items-center gap-2" aria-live="polite">
      <Button
        type="button"
        variant={published ? "secondary" : "primary"}
        pending={pending}
        onClick={() => submit({ termsVersionId, version, publish: !published })}
      >
        {published ? "Unpublish" : "Publish"}
      </Button>
      {problem ? (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
