"use client";

import { Alert } from "@/components/ui/alert";
import { restoreDevelopmentRevisionAction } from "@/lib/actions/developments";
import type { Revision } from "@/lib/data/editor/revisions";
import { firstProblem, useObjectAction } from "./use-object-action";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function RevisionHistory({
  developmentId,
  version,
  published,
  revisions,
}: {
  developmentId: string;
  version: number;
  published: boolean;
  revisions: Revision[];
}) {
  const { result, pending, submit } = useObjectAction(restoreDevelopmentRevisionAction);
  const problem = firstProblem(result);

  return (
    <section aria-labelledby="history-heading" className="grid gap-3">
      <h2 id="history-heading" className="font-serif text-xl font-semibold">
        History
      </h2>
      <div aria-live="polite">{problem ? <Alert>{problem}</Alert> : null}</div>
      <ol className="grid gap-3">
        {revisions.map((revision, index) => (
          <li
            key={revision.id}
            className="rounded border border-stone-200 p-3 text-sm dark:border-stone-700"
            data-testid="revision"
          >
            <p>
              <strong>{revision.action.replace("development.", "")}</strong> by {revision.userName},{" "}
              {when.format(new Date(revision.at))} UTC
            </p>
            {revision.changes.length > 0 ? (
              <dl className="mt-2 grid gap-1">
                {revision.changes.map((change) => (
                  <div key={change.field}>
                    <dt className="font-medium">{change.field}</dt>
                    <dd>
                      <del className="bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100">{change.before}</del>{" "}
                      <ins className="bg-emerald-50 text-emerald-900 no-underline dark:bg-emerald-950 dark:text-emerald-100">
                        {change.after}
                      </ins>
                    </dd>
                  </div>
                ))}
              </dl>
            ) : null}
            {revision.restorable && index > 0 ? (
              <button
                type="button"
                disabled={pending}
                className="mt-2 underline"
                onClick={() => {
                  const correctionNote = published
                    ? window.prompt(
                        "This development is published. Public correction note for readers (leave empty if no fact changes):",
                      )
                    : "";
                  if (correctionNote === null) return;
                  submit({ developmentId, version, revisionId: revision.id, correctionNote, typoOnly: false });
                }}
              >
                Restore this version
              </button>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
