"use client";

import { citationAssessmentLabels, sourceKindLabels } from "@/lib/format/labels";
import { citationAssessments, sourceKinds } from "@/lib/validation/enums";
import { Labelled, describe, inputClass } from "./form-bits";
import { emptyCitation, type CitationRow } from "./form-values";
import { SourcePicker } from "./source-picker";

type Errors = Record<string, string[]> | undefined;

export function CitationFields({
  rows,
  onChange,
  errors,
  prefix = "citations",
}: {
  rows: CitationRow[];
  onChange: (rows: CitationRow[]) => void;
  errors: Errors;
  prefix?: string;
}) {
  const update = (index: number, patch: Partial<CitationRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const err = (index: number, field: string) => errors?.[`${prefix}.${index}.${field}`];
  return (
    <fieldset className="grid gap-4">
      <legend className="text-base font-semibold">Citations</legend>
      {errors?.[prefix] ? (
        <p className="text-sm text-red-700 dark:text-red-400" role="alert">
          {errors[prefix].join(" ")}
        </p>
      ) : null}
      {rows.map((row, index) => {
        const base = `${prefix}-${row.key}`;
        return (
          <div
            key={row.key}
            className="grid gap-3 rounded border border-stone-200 p-3 sm:grid-cols-2 dark:border-stone-700"
            data-testid="citation-row"
          >
            <div className="sm:col-span-2 flex items-center justify-between">
              <span className="text-sm font-medium">Citation {index + 1}</span>
              <button
                type="button"
                className="text-sm underline"
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
              >
                Remove citation {index + 1}
              </button>
            </div>
            {row.proposeNew ? (
              <>
                <Labelled id={`${base}-new-name`} label="New source name" errors={err(index, "newSource.name")}>
                  <input
                    dir="auto"
                    {...describe(`${base}-new-name`, err(index, "newSource.name"))}
                    className={inputClass}
                    value={row.newSource.name}
                    onChange={(e) => update(index, { newSource: { ...row.newSource, name: e.target.value } })}
                  />
                </Labelled>
                <Labelled id={`${base}-new-kind`} label="Kind of source" errors={err(index, "newSource.kind")}>
                  <select
                    {...describe(`${base}-new-kind`, err(index, "newSource.kind"))}
                    className={inputClass}
                    value={row.newSource.kind}
                    onChange={(e) => update(index, { newSource: { ...row.newSource, kind: e.target.value } })}
                  >
                    {sourceKinds.map((kind) => (
                      <option key={kind} value={kind}>
                        {sourceKindLabels[kind]}
                      </option>
                    ))}
                  </select>
                </Labelled>
              </>
            ) : (
              <SourcePicker
                name={`${base}-source`}
                label="Source"
                value={row.source}
                onChange={(source) => update(index, { source })}
                error={err(index, "sourceId")}
              />
            )}
            <div className="flex items-end">
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={row.proposeNew}
                  onChange={(e) => update(index, { proposeNew: e.target.checked })}
                />
                Propose a new source (an admin reviews it)
              </label>
            </div>
            <SourcePicker
              name={`${base}-via`}
              label="Reported by (optional, e.g. AFP relaying an anonymous source)"
              value={row.via}
              onChange={(via) => update(index, { via })}
              error={err(index, "viaSourceId")}
            />
            <Labelled
              id={`${base}-attribution`}
              label="Attribution as published"
              hint="e.g. “a source who requested anonymity”"
              errors={err(index, "attribution")}
            >
              <input
                dir="auto"
                {...describe(`${base}-attribution`, err(index, "attribution"), true)}
                className={inputClass}
                value={row.attribution}
                onChange={(e) => update(index, { attribution: e.target.value })}
              />
            </Labelled>
            <Labelled id={`${base}-url`} label="Link to the report (optional)" errors={err(index, "url")}>
              <input
                {...describe(`${base}-url`, err(index, "url"))}
                type="url"
                inputMode="url"
                className={inputClass}
                value={row.url}
                onChange={(e) => update(index, { url: e.target.value })}
              />
            </Labelled>
            <Labelled
              id={`${base}-published`}
              label="Published on (YYYY-MM-DD, optional)"
              errors={err(index, "publishedOn")}
            >
              <input
                dir="auto"
                {...describe(`${base}-published`, err(index, "publishedOn"))}
                className={inputClass}
                value={row.publishedOn}
                placeholder="YYYY-MM-DD"
                onChange={(e) => update(index, { publishedOn: e.target.value })}
              />
            </Labelled>
            <Labelled
              id={`${base}-assessment`}
              label="Later assessment (the source's track record)"
              errors={err(index, "assessment")}
            >
              <select
                {...describe(`${base}-assessment`, err(index, "assessment"))}
                className={inputClass}
                value={row.assessment}
                onChange={(e) => update(index, { assessment: e.target.value })}
              >
                {citationAssessments.map((assessment) => (
                  <option key={assessment} value={assessment}>
                    {citationAssessmentLabels[assessment]}
                  </option>
                ))}
              </select>
            </Labelled>
            <div className="sm:col-span-2">
              <Labelled id={`${base}-excerpt`} label="Short excerpt (optional)" errors={err(index, "excerpt")}>
                <textarea
                  dir="auto"
                  {...describe(`${base}-excerpt`, err(index, "excerpt"))}
                  rows={2}
                  className={inputClass}
                  value={row.excerpt}
                  onChange={(e) => update(index, { excerpt: e.target.value })}
                />
              </Labelled>
            </div>
          </div>
        );
      })}
      <div>
        <button
          type="button"
          className="rounded px-3 py-1.5 text-sm ring-1 ring-stone-300 hover:bg-stone-100 dark:ring-stone-600 dark:hover:bg-stone-800"
          onClick={() => onChange([...rows, emptyCitation()])}
        >
          Add a citation
        </button>
      </div>
    </fieldset>
  );
}
