"use client";

import { useState } from "react";
import { ActionStatus } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { updatePhaseAction } from "@/lib/actions/terms";
import { TextField } from "./form-bits";
import { useObjectAction } from "./use-object-action";

export type PhaseValues = { name: string; summary: string; startedOn: string; endedOn: string };

/** A phase's name, summary and dates; its terms are edited as new versions. */
export function PhaseForm({ phaseId, version, initial }: { phaseId: string; version: number; initial: PhaseValues }) {
  const [values, setValues] = useState(initial);
  const { result, errors, pending, submit } = useObjectAction(updatePhaseAction);
  const field = (key: keyof PhaseValues, label: string, hint?: string) => (
    <TextField
      id={`phase-${phaseId}-${key}`}
      label={label}
      hint={hint}
      errors={errors?.[key]}
      value={values[key]}
      onChange={(value) => setValues({ ...values, [key]: value })}
    />
  );
  return (
    <form
      noValidate
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        submit({ phaseId, version, ...values });
      }}
    >
      <ActionStatus className="sm:col-span-2" result={result} success="Saved." />
      {field("name", "Phase name", "Empty for the only phase of a single-phase exchange")}
      {field("summary", "Summary")}
      {field("startedOn", "Started on", "YYYY-MM-DD, YYYY-MM or YYYY; optional")}
      {field("endedOn", "Ended on", "Optional")}
      <div>
        <Button type="submit" pending={pending} variant="secondary">
          Save phase
        </Button>
      </div>
    </form>
  );
}
