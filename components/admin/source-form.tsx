"use client";

import { useState } from "react";
import { describe, inputClass, Labelled, TextField } from "@/components/editor/form-bits";
import { useObjectAction } from "@/components/editor/use-object-action";
import { ActionStatus } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { createSourceAction, updateSourceAction } from "@/lib/actions/sources";
import { reliabilityLabels, sourceKindLabels } from "@/lib/format/labels";
import { reliabilityRatings, sourceKinds } from "@/lib/validation/enums";

export type SourceFormValues = {
  name: string;
  kind: string;
  url: string;
  language: string;
  publicDescription: string;
  reliability: string;
  ratingRationale: string;
  confidentialNotes: string;
  contactConditions: string;
};

export function SourceForm({
  sourceId,
  version,
  initial,
}: {
  sourceId?: string;
  version?: number;
  initial: SourceFormValues;
}) {
  const [values, setValues] = useState(initial);
  const editing = Boolean(sourceId);
  const { result, errors, pending, submit } = useObjectAction<{ id?: string }>(
    editing ? updateSourceAction : createSourceAction,
    (data) => (editing ? undefined : `/admin/sources/${data?.id}`),
  );
  const text = (key: keyof SourceFormValues, label: string, options: { hint?: string; multiline?: boolean } = {}) => (
    <TextField
      id={`source-${key}`}
      label={label}
      {...options}
      errors={errors?.[key]}
      value={values[key]}
      onChange={(value) => setValues({ ...values, [key]: value })}
    />
  );
  return (
    <form
      noValidate
      className="grid gap-4 sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        submit(editing ? { ...values, sourceId, version } : values);
      }}
    >
      <ActionStatus className="sm:col-span-2" result={result} success={editing ? "Saved." : undefined} />
      {text("name", "Name")}
      <Labelled id="source-kind" label="Kind" errors={errors?.kind}>
        <select
          {...describe("source-kind", errors?.kind)}
          className={inputClass}
          value={values.kind}
          onChange={(e) => setValues({ ...values, kind: e.target.value })}
        >
          {sourceKinds.map((kind) => (
            <option key={kind} value={kind}>
              {sourceKindLabels[kind]}
            </option>
          ))}
        </select>
      </Labelled>
      {text("url", "Web address (optional)")}
      {text("language", "Language code (optional)", { hint: "e.g. en, ar" })}
      <div className="sm:col-span-2">
        {text("publicDescription", "Public description", {
          multiline: true,
          hint: "Shown to readers next to every citation of this source.",
        })}
      </div>
      <Labelled id="source-reliability" label="Reliability" errors={errors?.reliability}>
        <select
          {...describe("source-reliability", errors?.reliability)}
          className={inputClass}
          value={values.reliability}
          onChange={(e) => setValues({ ...values, reliability: e.target.value })}
        >
          {reliabilityRatings.map((rating) => (
            <option key={rating} value={rating}>
              {rating}: {reliabilityLabels[rating].meaning}
            </option>
          ))}
        </select>
      </Labelled>
      {text("ratingRationale", "Why this rating", { multiline: true })}
      <fieldset className="grid gap-3 rounded border-2 border-red-300 p-3 sm:col-span-2 dark:border-red-800">
        <legend className="px-1 text-sm font-semibold text-red-800 dark:text-red-300">
          Staff only: never published, exported or shown to readers
        </legend>
        {text("confidentialNotes", "Confidential notes (e.g. who an anonymous source is)", { multiline: true })}
        {text("contactConditions", "Contact conditions", { multiline: true })}
      </fieldset>
      <div>
        <Button type="submit" pending={pending}>
          {pending ? "Saving…" : editing ? "Save source" : "Create source"}
        </Button>
      </div>
    </form>
  );
}
