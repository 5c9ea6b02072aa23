"use client";

import { releaseCategoryOptions } from "@/lib/format/labels";
import { emptyBreakdown, type BreakdownRow } from "./form-values";
import { Labelled, SelectField, describe, inputClass } from "./form-bits";
import { QuantityFields } from "./quantity-fields";

/**
 * Parts of one obligation's whole ("of the 33 hostages: 8 deceased, returned as remains").
 * Readers see them under the obligation; parts that add up to more than the whole are flagged.
 */
export function BreakdownFields({
  idPrefix,
  path,
  rows,
  onChange,
  errors,
}: {
  idPrefix: string;
  path: string;
  rows: BreakdownRow[];
  onChange: (rows: BreakdownRow[]) => void;
  errors?: Record<string, string[]>;
}) {
  const update = (index: number, patch: Partial<BreakdownRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="grid gap-2">
      <legend className="text-sm font-medium">Parts of this obligation (optional)</legend>
      {rows.map((row, index) => {
        const id = (field: string) => `${idPrefix}-${row.key}-${field}`;
        const err = (field: string) => errors?.[`${path}.${index}.${field}`];
        return (
          <div
            key={row.key}
            className="grid gap-2 rounded bg-stone-50 p-2 sm:grid-cols-2 dark:bg-stone-800"
            data-testid="breakdown-row"
          >
            <Labelled id={id("label")} label="Part" hint="e.g. deceased, women, minors" errors={err("label")}>
              <input
                {...describe(id("label"), err("label"))}
                className={inputClass}
                dir="auto"
                value={row.label}
                onChange={(e) => update(index, { label: e.target.value })}
              />
            </Labelled>
            <SelectField
              id={id("category")}
              label="Released as (optional)"
              errors={err("category")}
              value={row.category}
              onChange={(category) => update(index, { category })}
              options={releaseCategoryOptions}
              placeholder="Same as the obligation"
            />
            <div className="sm:col-span-2">
              <QuantityFields
                id={id("quantity")}
                label="How many of the whole"
                path={`${path}.${index}.quantity`}
                value={row.quantity}
                onChange={(quantity) => update(index, { quantity })}
                errors={errors}
              />
            </div>
            <div className="sm:col-span-2">
              <button
                type="button"
                className="text-sm underline"
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
              >
                Remove part {index + 1}
              </button>
            </div>
          </div>
        );
      })}
      <div>
        <button
          type="button"
          className="rounded px-3 py-1 text-sm ring-1 ring-stone-300 dark:ring-stone-600"
          onClick={() => onChange([...rows, emptyBreakdown()])}
          disabled={rows.length >= 20}
        >
          Add a part
        </button>
      </div>
    </fieldset>
  );
}
