"use client";

import { useState } from "react";
import { ActionStatus } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { createTermsVersionAction } from "@/lib/actions/terms";
import { categoryLabels, termsStatusLabels } from "@/lib/format/labels";
import type { ReleaseCategory, TermsStatus } from "@/lib/generated/prisma/enums";
import { releaseCategories } from "@/lib/validation/terms";
import { CitationFields } from "./citation-fields";
import { citationPayload, emptyCitation, type CitationRow } from "./form-values";
import { Labelled, SelectField, describe, inputClass } from "./form-bits";
import { useObjectAction } from "./use-object-action";

export type TermsItemRow = {
  key: string;
  releasingActorId: string;
  receivingActorId: string;
  exact: string;
  min: string;
  max: string;
  wording: string;
  category: string;
  description: string;
};

const statuses = Object.keys(termsStatusLabels) as TermsStatus[];
const categoryOptions = releaseCategories.map((category) => ({
  value: category,
  label: categoryLabels[category as ReleaseCategory].many,
}));
const newRow = (): TermsItemRow => ({
  key: Math.random().toString(36).slice(2),
  releasingActorId: "",
  receivingActorId: "",
  exact: "",
  min: "",
  max: "",
  wording: "",
  category: "",
  description: "",
});

/** Starts a new version from the current one; the previous version is kept and the difference shown to readers. */
export function TermsForm({
  negotiationId,
  actors,
  initialItems,
  initialStatus,
}: {
  negotiationId: string;
  actors: Array<{ id: string; name: string }>;
  initialItems: TermsItemRow[];
  initialStatus: string;
}) {
  const [items, setItems] = useState<TermsItemRow[]>(initialItems.length > 0 ? initialItems : [newRow()]);
  const [citations, setCitations] = useState<CitationRow[]>([emptyCitation()]);
  const [proposedOn, setProposedOn] = useState("");
  const [status, setStatus] = useState(initialStatus);
  const [summary, setSummary] = useState("");
  const { result, errors, pending, submit } = useObjectAction<{ id: string; number: number }>(
    createTermsVersionAction,
    (data) => `/editor/negotiations/${negotiationId}?terms=${data?.number}`,
  );
  const actorOptions = actors.map((actor) => ({ value: actor.id, label: actor.name }));
  const update = (index: number, patch: Partial<TermsItemRow>) =>
    setItems((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <form
      noValidate
      className="grid gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        submit({
          negotiationId,
          proposedOn,
          status,
          summary,
          items: items.map((item) => ({ ...item, key: undefined })),
          citations: citations.map(citationPayload),
        });
      }}
    >
      <ActionStatus result={result} failure={errors?.items?.join(" ")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Labelled id="proposedOn" label="Proposed on" hint="YYYY-MM-DD, or YYYY-MM" errors={errors?.proposedOn}>
          <input
            {...describe("proposedOn", errors?.proposedOn, true)}
            className={inputClass}
            value={proposedOn}
            onChange={(e) => setProposedOn(e.target.value)}
          />
        </Labelled>
        <Labelled id="status" label="Status" errors={errors?.status}>
          <select
            {...describe("status", errors?.status)}
            className={inputClass}
            value={status}
            onChange={(e) => setStatus(e.target.value)}
          >
            {statuses.map((s) => (
              <option key={s} value={s}>
                {termsStatusLabels[s]}
              </option>
            ))}
          </select>
        </Labelled>
      </div>
      <fieldset className="grid gap-4">
        <legend className="text-base font-semibold">Who releases whom</legend>
        {items.map((item, index) => {
          const id = (field: string) => `item-${item.key}-${field}`;
          const err = (field: string) => errors?.[`items.${index}.${field}`];
          return (
            <div
              key={item.key}
              className="grid gap-3 rounded border border-stone-200 p-3 sm:grid-cols-4 dark:border-stone-700"
              data-testid="terms-item-row"
            >
              <SelectField
                id={id("releasing")}
                label="Releasing side"
                errors={err("releasingActorId")}
                value={item.releasingActorId}
                onChange={(value) => update(index, { releasingActorId: value })}
                options={actorOptions}
                placeholder="Choose…"
              />
              <SelectField
                id={id("receiving")}
                label="Receiving side"
                errors={err("receivingActorId")}
                value={item.receivingActorId}
                onChange={(value) => update(index, { receivingActorId: value })}
                options={actorOptions}
                placeholder="Choose…"
              />
              <SelectField
                id={id("category")}
                label="Who"
                errors={err("category")}
                value={item.category}
                onChange={(value) => update(index, { category: value })}
                options={categoryOptions}
                placeholder="Choose…"
              />
              <Labelled id={id("exact")} label="Exact count" errors={err("exact")}>
                <input
                  {...describe(id("exact"), err("exact"))}
                  inputMode="numeric"
                  className={inputClass}
                  value={item.exact}
                  onChange={(e) => update(index, { exact: e.target.value })}
                />
              </Labelled>
              <Labelled id={id("min")} label="Or a range: from" errors={err("min")}>
                <input
                  {...describe(id("min"), err("min"))}
                  inputMode="numeric"
                  className={inputClass}
                  value={item.min}
                  onChange={(e) => update(index, { min: e.target.value })}
                />
              </Labelled>
              <Labelled id={id("max")} label="to" errors={err("max")}>
                <input
                  {...describe(id("max"), err("max"))}
                  inputMode="numeric"
                  className={inputClass}
                  value={item.max}
                  onChange={(e) => update(index, { max: e.target.value })}
                />
              </Labelled>
              <Labelled id={id("wording")} label="Or wording (e.g. “dozens”)" errors={err("wording")}>
                <input
                  {...describe(id("wording"), err("wording"))}
                  className={inputClass}
                  value={item.wording}
                  onChange={(e) => update(index, { wording: e.target.value })}
                />
              </Labelled>
              <div className="flex items-end">
                <button
                  type="button"
                  className="text-sm underline"
                  onClick={() => setItems((rows) => rows.filter((_, i) => i !== index))}
                >
                  Remove item {index + 1}
                </button>
              </div>
              <div className="sm:col-span-4">
                <Labelled id={id("description")} label="Description" errors={err("description")}>
                  <input
                    {...describe(id("description"), err("description"))}
                    className={inputClass}
                    value={item.description}
                    onChange={(e) => update(index, { description: e.target.value })}
                  />
                </Labelled>
              </div>
            </div>
          );
        })}
        <div>
          <button
            type="button"
            className="rounded px-3 py-1.5 text-sm ring-1 ring-stone-300 dark:ring-stone-600"
            onClick={() => setItems((rows) => [...rows, newRow()])}
          >
            Add an item
          </button>
        </div>
      </fieldset>
      <Labelled id="termsSummary" label="Summary (optional)" errors={errors?.summary}>
        <textarea
          {...describe("termsSummary", errors?.summary)}
          rows={2}
          className={inputClass}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
        />
      </Labelled>
      <CitationFields rows={citations} onChange={setCitations} errors={errors} />
      <div>
        <Button type="submit" pending={pending}>
          {pending ? "Saving…" : "Save new version as draft"}
        </Button>
      </div>
    </form>
  );
}
