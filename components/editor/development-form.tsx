"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { useIdempotencyKey } from "@/components/staff/use-idempotency-key";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/define-action";
import { createDevelopmentAction, updateDevelopmentAction } from "@/lib/actions/developments";
import { developmentKindLabels } from "@/lib/format/labels";
import { developmentKinds } from "@/lib/validation/enums";
import { CitationFields } from "./citation-fields";
import { BatchFields } from "./batch-fields";
import { citationPayload, transferPayload, type ActorChoices, type DevelopmentFormValues } from "./form-values";
import { Labelled, describe, inputClass } from "./form-bits";
import { MergeChoices, type MergeChoice } from "./merge-choices";
import { PlaceFields } from "./place-fields";
import { sameValue, threeWayMerge } from "./three-way-merge";
import { useUnsavedGuard } from "./use-unsaved-guard";

/** The facts a browser-kept copy is merged on; the correction note and typo flag stay as typed. */
const MERGED_FIELDS = [
  "occurredOn",
  "title",
  "summary",
  "kind",
  "actorIds",
  "citations",
  "stageChange",
  "transfers",
  "keyEvent",
  "place",
  "placeCountry",
  "placeLatitude",
  "placeLongitude",
] as const satisfies ReadonlyArray<keyof DevelopmentFormValues>;

const fieldLabels: Record<(typeof MERGED_FIELDS)[number], string> = {
  occurredOn: "Occurred on",
  title: "Title",
  summary: "Summary",
  kind: "Kind",
  actorIds: "Linked actors",
  citations: "Citations",
  stageChange: "Stage change",
  transfers: "Transfers",
  keyEvent: "Key event",
  place: "Place",
  placeCountry: "Country",
  placeLatitude: "Latitude",
  placeLongitude: "Longitude",
};

const utc = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

type Props = {
  mode: "create" | "edit";
  negotiationId: string;
  developmentId?: string;
  version?: number;
  published?: boolean;
  initial: DevelopmentFormValues;
  actors: ActorChoices;
  obligations: Array<{ id: string; label: string }>;
};

export function DevelopmentForm({
  mode,
  negotiationId,
  developmentId,
  version: initialVersion,
  published,
  initial,
  actors,
  obligations,
}: Props) {
  const allActors = [...actors.involved, ...actors.others];
  const router = useRouter();
  const [values, setValues] = useState<DevelopmentFormValues>(initial);
  // What the input started from: the saved version it was loaded or last saved as.
  const [base, setBase] = useState<DevelopmentFormValues>(initial);
  // After a save the page re-renders with the new version (the form keeps its state: key = id).
  const version = initialVersion ?? 0;
  const [pendingTransition, startTransition] = useTransition();
  const action = (mode === "create" ? createDevelopmentAction : updateDevelopmentAction) as (
    previous: unknown,
    input: Record<string, unknown>,
  ) => Promise<ActionResult<{ id?: string; version?: number }>>;
  const [result, dispatch, pendingAction] = useActionState(action, null);
  const idempotencyKey = useIdempotencyKey();
  const pending = pendingTransition || pendingAction;
  const dirty = useMemo(() => JSON.stringify(values) !== JSON.stringify(initial), [values, initial]);
  const storageKey = `parley:development:${developmentId ?? `new:${negotiationId}`}`;
  const { savedCopy, discardSavedCopy } = useUnsavedGuard(storageKey, values, dirty, initial);
  const [mergeChoices, setMergeChoices] = useState<MergeChoice[]>([]);
  const [mergedMine, setMergedMine] = useState<DevelopmentFormValues | null>(null);
  const describeValue = (field: (typeof MERGED_FIELDS)[number], v: DevelopmentFormValues): string => {
    switch (field) {
      case "actorIds":
        return v.actorIds.map((id) => allActors.find((a) => a.id === id)?.name ?? "an actor").join(", ") || "(none)";
      case "citations":
        return (
          v.citations.map((c) => `${c.source?.name ?? c.newSource.name} (“${c.attribution}”)`).join("; ") || "(none)"
        );
      case "transfers":
        return v.transfers.length === 1 ? "1 transfer" : `${v.transfers.length} transfers`;
      case "keyEvent":
        return v.keyEvent ? "Key event" : "Not a key event";
      case "kind":
        return v.kind ? developmentKindLabels[v.kind as keyof typeof developmentKindLabels] : "(none)";
      default:
        return String(v[field]) || "(empty)";
    }
  };

  /**
   * Merges `mine` (started from `started`) with what is saved now, field by field, so another
   * editor's newer change is never overwritten unseen (the reported silent revert).
   */
  function mergeOntoSaved(started: DevelopmentFormValues | undefined, mine: DevelopmentFormValues) {
    // A copy kept before bases were recorded: every field that differs needs a choice.
    const { merged, conflicts } = started
      ? threeWayMerge(started, mine, initial, MERGED_FIELDS)
      : { merged: initial, conflicts: MERGED_FIELDS.filter((f) => !sameValue(mine[f], initial[f])) };
    setValues({ ...merged, correctionNote: mine.correctionNote, typoOnly: mine.typoOnly });
    setMergedMine(mine);
    setMergeChoices(
      conflicts.map((field) => ({
        field,
        label: fieldLabels[field],
        mine: describeValue(field, mine),
        theirs: describeValue(field, initial),
        base: started ? describeValue(field, started) : "(not recorded)",
      })),
    );
  }

  /** Brings back the browser-kept copy through the same merge. */
  function restoreCopy() {
    if (savedCopy) mergeOntoSaved(savedCopy.base, savedCopy.state);
  }

  // A refused save asked to merge in place: when the page re-renders with the newer saved version,
  // what was typed goes through the same three-way merge as a browser-kept copy (React's
  // "adjust state when a prop changes" pattern: no effect, no extra render of stale values).
  const [mergeRequested, setMergeRequested] = useState(false);
  const [seenVersion, setSeenVersion] = useState(version);
  if (version !== seenVersion) {
    setSeenVersion(version);
    setBase(initial);
    if (mergeRequested) {
      setMergeRequested(false);
      mergeOntoSaved(base, values);
    }
  }
  function mergeWithSaved() {
    setMergeRequested(true);
    router.refresh();
  }
  const conflicted = result && !result.ok && result.code === "CONFLICT" && mode === "edit";

  const errors = result && !result.ok ? result.errors : undefined;
  const set = <K extends keyof DevelopmentFormValues>(key: K, value: DevelopmentFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const statusRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (result && !result.ok) {
      // Keyboard and screen-reader users land on the summary of what went wrong.
      statusRef.current?.focus();
      return;
    }
    if (!result?.ok) return;
    idempotencyKey.renew();
    discardSavedCopy();
    if (mode === "create") {
      router.push(`/editor/developments/${(result.data as { id: string }).id}?saved=1`);
    } else {
      router.refresh();
    }
    // Only react to a new result.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    // Saving before choosing would keep the other editor's text without the editor deciding.
    if (mergeChoices.length > 0) {
      statusRef.current?.focus();
      return;
    }
    const payload = {
      ...(mode === "create"
        ? { negotiationId }
        : { developmentId, version, correctionNote: values.correctionNote, typoOnly: values.typoOnly }),
      occurredOn: values.occurredOn,
      title: values.title,
      summary: values.summary,
      kind: values.kind,
      actorIds: values.actorIds,
      citations: values.citations.map(citationPayload),
      stageChange: values.stageChange,
      transfers: values.transfers.map(transferPayload),
      confirmOverAgreed: values.confirmOverAgreed,
      keyEvent: values.keyEvent,
      place: values.place,
      placeCountry: values.placeCountry,
      placeLatitude: values.placeLatitude,
      placeLongitude: values.placeLongitude,
    };
    startTransition(() => dispatch({ ...payload, idempotencyKey: idempotencyKey.current() }));
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-5" aria-describedby="form-status">
      <div id="form-status" aria-live="polite" tabIndex={-1} ref={statusRef} className="outline-none">
        {result && !result.ok ? (
          <Alert>
            {result.code === "UNAUTHENTICATED"
              ? `${result.message} Sign in in another tab, then save again: your input is kept here.`
              : result.message}
            {conflicted && !mergedMine ? (
              <>
                {" "}
                <button type="button" className="font-medium underline" onClick={mergeWithSaved}>
                  Merge with the saved version
                </button>
              </>
            ) : null}
          </Alert>
        ) : null}
        {result?.ok && mode === "edit" ? <Alert tone="success">Saved.</Alert> : null}
        {mergeChoices.length > 0 ? (
          <Alert>Choose which text to keep for each field marked below before saving.</Alert>
        ) : mergedMine ? (
          <Alert tone="success">
            Merged with the saved version: the other changes are in the fields below. Check them, then save.
          </Alert>
        ) : null}
      </div>
      {mergeChoices.length > 0 && mergedMine ? (
        <MergeChoices
          choices={mergeChoices}
          onResolve={(picked) => {
            setValues((v) => {
              const next = { ...v };
              for (const field of MERGED_FIELDS)
                if (picked[field] === "mine") (next as Record<string, unknown>)[field] = mergedMine[field];
              return next;
            });
            setMergeChoices([]);
          }}
        />
      ) : null}
      {savedCopy && !mergedMine && !sameValue(savedCopy.state, values) ? (
        <div className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          Unsaved input from {utc.format(new Date(savedCopy.at))} UTC was kept in this browser.{" "}
          <button type="button" className="underline" onClick={restoreCopy}>
            Restore it
          </button>{" "}
          ·{" "}
          <button type="button" className="underline" onClick={discardSavedCopy}>
            Discard it
          </button>
        </div>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-3">
        <Labelled
          id="occurredOn"
          label="Occurred on"
          hint="YYYY-MM-DD, or YYYY-MM / YYYY when only the month or year is known"
          errors={errors?.occurredOn}
        >
          <input
            dir="auto"
            {...describe("occurredOn", errors?.occurredOn, true)}
            className={inputClass}
            value={values.occurredOn}
            placeholder="YYYY-MM-DD"
            onChange={(e) => set("occurredOn", e.target.value)}
          />
        </Labelled>
        <Labelled id="kind" label="Kind" errors={errors?.kind}>
          <select
            {...describe("kind", errors?.kind)}
            className={inputClass}
            value={values.kind}
            onChange={(e) => set("kind", e.target.value)}
          >
            <option value="">Choose…</option>
            {developmentKinds.map((kind) => (
              <option key={kind} value={kind}>
                {developmentKindLabels[kind]}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="actorIds" label="Linked actors" hint="Ctrl/Cmd-click to choose several" errors={errors?.actorIds}>
          <select
            {...describe("actorIds", errors?.actorIds, true)}
            multiple
            className={`${inputClass} h-24`}
            value={values.actorIds}
            onChange={(e) =>
              set(
                "actorIds",
                [...e.target.selectedOptions].map((option) => option.value),
              )
            }
          >
            {allActors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.name}
              </option>
            ))}
          </select>
        </Labelled>
      </div>
      <Labelled id="title" label="Title" errors={errors?.title}>
        <input
          dir="auto"
          {...describe("title", errors?.title)}
          className={inputClass}
          value={values.title}
          maxLength={200}
          onChange={(e) => set("title", e.target.value)}
        />
      </Labelled>
      <Labelled id="summary" label="Summary" errors={errors?.summary}>
        <textarea
          dir="auto"
          {...describe("summary", errors?.summary)}
          rows={4}
          className={inputClass}
          value={values.summary}
          onChange={(e) => set("summary", e.target.value)}
        />
      </Labelled>

      <div className="grid gap-4 sm:grid-cols-3">
        <PlaceFields
          idPrefix="development-place"
          label="Where it happened (talks venue, handover point)"
          value={values}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
          error={(field) => errors?.[field]}
        />
      </div>
      <div className="grid gap-1">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="keyEvent"
            aria-describedby="keyEvent-hint"
            checked={values.keyEvent}
            onChange={(e) => set("keyEvent", e.target.checked)}
          />{" "}
          Key event
        </label>
        <p id="keyEvent-hint" className="text-xs text-stone-600 dark:text-stone-400">
          Readers see key events first, in a list above the timeline. Marking is not a correction.
        </p>
      </div>

      <CitationFields rows={values.citations} onChange={(rows) => set("citations", rows)} errors={errors} />

      <BatchFields values={values} set={set} errors={errors} actors={actors} obligations={obligations} />

      {mode === "edit" && published ? (
        <fieldset className="grid gap-3 rounded border border-amber-300 p-3 dark:border-amber-700">
          <legend className="px-1 text-base font-semibold">This development is published</legend>
          <Labelled
            id="correctionNote"
            label="Public correction note"
            hint="Shown to readers with “Corrected on <date>” when the facts change."
            errors={errors?.correctionNote}
          >
            <textarea
              dir="auto"
              {...describe("correctionNote", errors?.correctionNote, true)}
              rows={2}
              className={inputClass}
              value={values.correctionNote}
              onChange={(e) => set("correctionNote", e.target.value)}
            />
          </Labelled>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={values.typoOnly} onChange={(e) => set("typoOnly", e.target.checked)} /> Typo
            fix only: no fact changes, no correction shown
          </label>
        </fieldset>
      ) : null}

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={pending}>
          {pending ? "Saving…" : mode === "create" ? "Save as draft" : "Save changes"}
        </Button>
        {dirty ? <span className="text-sm text-stone-600 dark:text-stone-400">Unsaved changes</span> : null}
      </div>
    </form>
  );
}
