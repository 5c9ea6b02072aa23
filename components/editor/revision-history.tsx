"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { restoreDevelopmentRevisionAction } from "@/lib/actions/developments";
import type { Revision } from "@/lib/data/editor/revisions";
import { stageLabels } from "@/lib/format/labels";
import type { Stage } from "@/lib/generated/prisma/enums";
import { firstProblem, useObjectAction } from "./use-object-action";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Revision fields and actions in the words the form uses, not the database's. */
const fieldWords: Record<string, string> = {
  title: "Title",
  summary: "Summary",
  occurredOn: "Date",
  kind: "Kind",
  actorIds: "Linked actors",
  citations: "Sources",
  stageChange: "Stage change",
  transfers: "Transfers",
  publication: "Publication",
  archivedAt: "Archived",
  correctionNote: "Correction note",
  keyEvent: "Key event",
  place: "Place",
  placeCountry: "Country",
  placeLatitude: "Latitude",
  placeLongitude: "Longitude",
};
const actionWords: Record<string, string> = {
  "development.create": "Created",
  "development.update": "Edited",
  "development.correct": "Corrected (public note)",
  "development.publish": "Published",
  "development.unpublish": "Unpublished",
  "development.archive": "Archived",
  "development.restore": "Restored from the archive",
};
const valueWords = (field: string, value: string) =>
  field === "stageChange" && value in stageLabels ? stageLabels[value as Stage] : value;

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
  const [restoring, setRestoring] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [typoOnly, setTypoOnly] = useState(false);

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
              <strong>
                {actionWords[revision.action] ?? revision.action.replace("development.", "")} by {revision.userName}
              </strong>
              , {when.format(new Date(revision.at))} UTC
            </p>
            {revision.changes.length > 0 ? (
              <dl className="mt-2 grid gap-1">
                {revision.changes.map((change) => (
                  <div key={change.field}>
                    <dt className="font-medium">{fieldWords[change.field] ?? change.field}</dt>
                    <dd>
                      <del className="bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100">
                        {valueWords(change.field, change.before)}
                      </del>{" "}
                      <ins className="bg-emerald-50 text-emerald-900 no-underline dark:bg-emerald-950 dark:text-emerald-100">
                        {valueWords(change.field, change.after)}
                      </ins>
                    </dd>
                  </div>
                ))}
              </dl>
            ) : null}
            {revision.restorable && index > 0 && restoring !== revision.id ? (
              <button
                type="button"
                disabled={pending}
                className="mt-2 underline"
                onClick={() => {
                  setRestoring(revision.id);
                  setNote("");
                  setTypoOnly(false);
                }}
              >
                Restore this version
              </button>
            ) : null}
            {restoring === revision.id ? (
              <form
                className="mt-2 grid gap-2 rounded bg-stone-50 p-2 dark:bg-stone-800"
                onSubmit={(event) => {
                  event.preventDefault();
                  submit({ developmentId, version, revisionId: revision.id, correctionNote: note, typoOnly });
                }}
              >
                {published ? (
                  <>
                    <label htmlFor={`restore-note-${revision.id}`} className="font-medium">
                      Public correction note for readers
                    </label>
                    <textarea
                      id={`restore-note-${revision.id}`}
                      rows={2}
                      dir="auto"
                      className="rounded border border-stone-300 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-900"
                      value={note}
                      onChange={(e) => setNote(e.target.value)}
                    />
                    <label className="flex items-center gap-2">
                      <input type="checkbox" checked={typoOnly} onChange={(e) => setTypoOnly(e.target.checked)} /> No
                      fact changes (a typo fix): no public note
                    </label>
                  </>
                ) : (
                  <p>This draft goes back to that version; the current text stays in the history.</p>
                )}
                <span className="flex gap-2">
                  <Button type="submit" pending={pending}>
                    Restore
                  </Button>
                  <Button type="button" variant="secondary" onClick={() => setRestoring(null)}>
                    Cancel
                  </Button>
                </span>
              </form>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
