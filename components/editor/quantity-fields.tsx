"use client";

import type { QuantityKind } from "@/lib/generated/prisma/enums";
import { qualifierWords } from "@/lib/ledger/quantity";
import { quantityQualifiers } from "@/lib/validation/enums";
import type { QuantityRow } from "./form-values";
import { Labelled, describe, inputClass } from "./form-bits";

const kindLabels: Record<QuantityKind, string> = {
  EXACT: "Exact",
  RANGE: "Range",
  APPROXIMATE: "Approximate",
  UNKNOWN: "Unknown (wording only)",
};

/**
 * The one quantity input: exact, range, approximate with its qualifier, or wording only.
 * Errors arrive keyed by `<path>.<field>` from the shared quantity schema.
 */
export function QuantityFields({
  id,
  label,
  path,
  value,
  onChange,
  errors,
}: {
  id: string;
  label: string;
  path: string;
  value: QuantityRow;
  onChange: (value: QuantityRow) => void;
  errors?: Record<string, string[]>;
}) {
  const err = (field: string) => errors?.[`${path}.${field}`];
  const set = (patch: Partial<QuantityRow>) => onChange({ ...value, ...patch });
  const numberInput = (field: "value" | "min" | "max", text: string) => (
    <Labelled id={`${id}-${field}`} label={text} errors={err(field)}>
      <input
        dir="auto"
        {...describe(`${id}-${field}`, err(field))}
        inputMode="numeric"
        className={inputClass}
        value={value[field]}
        onChange={(e) => set({ [field]: e.target.value })}
      />
    </Labelled>
  );
  return (
    <fieldset className="grid gap-2 sm:grid-cols-4">
      <legend className="text-sm font-medium">{label}</legend>
      <Labelled id={`${id}-kind`} label="Precision" errors={err("kind")}>
        <select
          {...describe(`${id}-kind`, err("kind"))}
          className={inputClass}
          value={value.kind}
          onChange={(e) => set({ kind: e.target.value })}
        >
          {Object.entries(kindLabels).map(([kind, text]) => (
            <option key={kind} value={kind}>
              {text}
            </option>
          ))}
        </select>
      </Labelled>
      {value.kind === "APPROXIMATE" ? (
        <Labelled id={`${id}-qualifier`} label="Qualifier" errors={err("qualifier")}>
          <select
            {...describe(`${id}-qualifier`, err("qualifier"))}
            className={inputClass}
            value={value.qualifier}
            onChange={(e) => set({ qualifier: e.target.value })}
          >
            <option value="">Choose…</option>
            {quantityQualifiers.map((q) => (
              <option key={q} value={q}>
                {qualifierWords[q]}
              </option>
            ))}
          </select>
        </Labelled>
      ) : null}
      {value.kind === "EXACT" || value.kind === "APPROXIMATE" ? numberInput("value", "Number") : null}
      {value.kind === "RANGE" ? (
        <>
          {numberInput("min", "From")}
          {numberInput("max", "To")}
        </>
      ) : null}
      <Labelled
        id={`${id}-wording`}
        label={value.kind === "UNKNOWN" ? "Wording as reported" : "Wording as reported (optional)"}
        errors={err("wording")}
      >
        <input
          dir="auto"
          {...describe(`${id}-wording`, err("wording"))}
          className={inputClass}
          value={value.wording}
          onChange={(e) => set({ wording: e.target.value })}
        />
      </Labelled>
    </fieldset>
  );
}
