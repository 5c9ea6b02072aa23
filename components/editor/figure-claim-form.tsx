"use client";

import { useState } from "react";
import { ActionStatus } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { addFigureClaimAction } from "@/lib/actions/negotiations";
import { CitationFields } from "./citation-fields";
import { Labelled, TextField, describe, inputClass } from "./form-bits";
import { citationPayload, emptyCitation, type CitationRow } from "./form-values";
import { useObjectAction } from "./use-object-action";
import type { ValueQualifier } from "@/lib/generated/prisma/enums";

const qualifierWords: Record<ValueQualifier, string> = {
  EXACT: "exactly",
  AT_LEAST: "at least",
  MORE_THAN: "more than",
  AT_MOST: "at most",
  APPROXIMATELY: "about",
};
const qualifiers = { "": "—", ...qualifierWords };

/** One more attributed answer to a disputed question, kept beside the others. */
export function FigureClaimForm({
  negotiationId,
  figures,
}: {
  negotiationId: string;
  figures: Array<{ id: string; label: string }>;
}) {
  const [values, setValues] = useState({
    figureId: figures[0]?.id ?? "",
    label: "",
    unit: "",
    wording: "",
    min: "",
    max: "",
    qualifier: "",
    asOf: "",
    note: "",
  });
  const [citations, setCitations] = useState<CitationRow[]>([emptyCitation()]);
  const { result, errors, pending, submit } = useObjectAction(addFigureClaimAction);
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  const text = (key: keyof typeof values, label: string, hint?: string) => (
    <TextField
      id={`figure-${key}`}
      label={label}
      hint={hint}
      errors={errors?.[key] ?? errors?.[`newFigure.${key}`]}
      value={values[key]}
      onChange={(value) => set({ [key]: value })}
    />
  );
  return (
    <form
      noValidate
      className="grid gap-3 sm:grid-cols-3"
      onSubmit={(event) => {
        event.preventDefault();
        const { figureId, label, unit, ...claim } = values;
        submit({
          negotiationId,
          ...claim,
          ...(figureId ? { figureId } : { newFigure: { label, unit } }),
          citations: citations.map(citationPayload),
        });
      }}
    >
      <ActionStatus
        className="sm:col-span-3"
        result={result}
        failure={errors?.citations?.join(" ")}
        success="Figure added."
      />
      <Labelled id="figure-figureId" label="Question" errors={errors?.figureId}>
        <select
          {...describe("figure-figureId", errors?.figureId)}
          className={inputClass}
          value={values.figureId}
          onChange={(e) => set({ figureId: e.target.value })}
        >
          {figures.map((figure) => (
            <option key={figure.id} value={figure.id}>
              {figure.label}
            </option>
          ))}
          <option value="">A new question…</option>
        </select>
      </Labelled>
      {values.figureId ? null : (
        <>
          {text("label", "New question", "e.g. Deaths in the July 2025 fighting")}
          {text("unit", "Unit", "e.g. deaths")}
        </>
      )}
      {text("wording", "The figure as reported", "e.g. “more than 2,000”")}
      <Labelled id="figure-qualifier" label="Qualifier" errors={errors?.qualifier}>
        <select
          {...describe("figure-qualifier", errors?.qualifier)}
          className={inputClass}
          value={values.qualifier}
          onChange={(e) => set({ qualifier: e.target.value })}
        >
          {Object.entries(qualifiers).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Labelled>
      {text("min", "Low value (optional)")}
      {text("max", "High value (optional)")}
      {text("asOf", "As of (YYYY-MM-DD or YYYY-MM)")}
      <div className="sm:col-span-3">
        <CitationFields rows={citations} onChange={setCitations} errors={errors} />
      </div>
      <div>
        <Button type="submit" pending={pending}>
          Add figure
        </Button>
      </div>
    </form>
  );
}
