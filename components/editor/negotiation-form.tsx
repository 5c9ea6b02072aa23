"use client";

import { useState } from "react";
import { ActionStatus } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { createNegotiationAction, updateNegotiationAction } from "@/lib/actions/negotiations";
import { stageLabels } from "@/lib/format/labels";
import { stages } from "@/lib/validation/enums";
import { Labelled, TextField, describe, inputClass } from "./form-bits";
import { useObjectAction } from "./use-object-action";

type Values = { title: string; slug: string; summary: string; region: string; country: string; stage: string };

export function NegotiationForm({
  negotiationId,
  version,
  initial,
  published,
}: {
  negotiationId?: string;
  version?: number;
  initial: Values;
  published?: boolean;
}) {
  const [values, setValues] = useState(initial);
  const editing = Boolean(negotiationId);
  const { result, errors, pending, submit } = useObjectAction<{ id?: string }>(
    editing ? updateNegotiationAction : createNegotiationAction,
    (data) => (editing ? undefined : `/editor/negotiations/${data?.id}`),
  );
  const field = (key: keyof Values, label: string, hint?: string, multiline = false) => (
    <TextField
      id={`negotiation-${key}`}
      label={label}
      hint={hint}
      multiline={multiline}
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
        submit(editing ? { ...values, negotiationId, version } : values);
      }}
    >
      <ActionStatus className="sm:col-span-2" result={result} success={editing ? "Saved." : undefined} />
      <div className="sm:col-span-2">{field("title", "Title")}</div>
      {field(
        "slug",
        "Address (slug)",
        published ? "Fixed while published: readers link to it." : "Leave empty to generate it from the title.",
      )}
      <Labelled id="negotiation-stage" label="Stage" errors={errors?.stage}>
        <select
          {...describe("negotiation-stage", errors?.stage)}
          className={inputClass}
          value={values.stage}
          onChange={(e) => setValues({ ...values, stage: e.target.value })}
        >
          {stages.map((stage) => (
            <option key={stage} value={stage}>
              {stageLabels[stage]}
            </option>
          ))}
        </select>
      </Labelled>
      {field("region", "Region")}
      {field("country", "Country")}
      <div className="sm:col-span-2">{field("summary", "Summary", undefined, true)}</div>
      <div>
        <Button type="submit" pending={pending}>
          {pending ? "Saving…" : editing ? "Save details" : "Create as draft"}
        </Button>
      </div>
    </form>
  );
}
