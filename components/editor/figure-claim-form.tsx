"use client";

import { useState } from "react";
import { ActionStatus } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { addFigureClaimAction } from "@/lib/actions/negotiations";
import { CitationFields } from "./citation-fields";
import { Labelled, TextField, describe, inputClass } from "./form-bits";
import { citationPayload, emptyCitation, emptyQuantity, type CitationRow, type QuantityRow } from "./form-values";
import { QuantityFields } from "./quantity-fields";
import { useObjectAction } from "./use-object-action";

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
    asOf: "",
    note: "",
  });
  const [quantity, setQuantity] = useState<QuantityRow>(emptyQuantity());
  const [citations, setCitations] = useState<CitationRow[]>([emptyCitation()]);
  const { result, errors, pending, submit } = useObjectAction(addFigureClaimAction);
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  const text = (key: Exclude<keyof typeof values, "figureId">, label: string, hint?: string) => (
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
          quantity,
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
          {text("label", "New question", "e.g. People still held")}
          {text("unit", "Unit", "e.g. people")}
        </>
      )}
      <div className="sm:col-span-3">
        <QuantityFields
          id="figure-quantity"
          label="The figure as reported"
          path="quantity"
          value={quantity}
          onChange={setQuantity}
          errors={errors}
        />
      </div>
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
