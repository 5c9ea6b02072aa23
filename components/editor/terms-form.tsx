"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/define-action";
import { createTermsVersionAction } from "@/lib/actions/terms";
import { categoryLabels, termsStatusLabels } from "@/lib/format/labels";
import type { ReleaseCategory, TermsStatus } from "@/lib/generated/prisma/enums";
import { releaseCategories } from "@/lib/validation/terms";
import { CitationFields } from "./citation-fields";
import { citationPayload, emptyCitation, type CitationRow } from "./form-values";
import { Labelled, describe, inputClass } from "./form-bits";

export type TermsItemRow = { key: string; releasingActorId: string; receivingActorId: string; exact: string; min: string; max: string; wording: string; category: string; description: string };

const statuses = Object.keys(termsStatusLabels) as TermsStatus[];
const newRow = (): TermsItemRow => ({ key: Math.random().toString(36).slice(2), releasingActorId: "", receivingActorId: "", exact: "", min: "", max: "", wording: "", category: "", description: "" });

/** Starts a new version from the current one; the previous version is kept and the difference shown to readers. */
export function TermsForm({ negotiationId, actors, initialItems, initialStatus }: { negotiationId: string; actors: Array<{ id: string; name: string }>; initialItems: TermsItemRow[]; initialStatus: string }) {
  const router = useRouter();
  const [items, setItems] = useState<TermsItemRow[]>(initialItems.length > 0 ? initialItems : [newRow()]);
  const [citations, setCitations] = useState<CitationRow[]>([emptyCitation()]);
  const [proposedOn, setProposedOn] = useState("");
  const [status, setStatus] = useState(initialStatus);
  const [summary, setSummary] = useState("");
  const [result, dispatch, pending] = useActionState(createTermsVersionAction as (p: unknown, i: Record<string, unknown>) => Promise<ActionResult<{ id: string; number: number }>>, null);
  const [, startTransition] = useTransition();
  const errors = result && !result.ok ? result.errors : undefined;
  const update = (index: number, patch: Partial<TermsItemRow>) => setItems((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  useEffect(() => {
    if (result?.ok) router.push(`/editor/negotiations/${negotiationId}?terms=${result.data?.number}`);
  }, [result, router, negotiationId]);

  return (
    <form
      noValidate
      className="grid gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(() =>
          dispatch({ negotiationId, proposedOn, status, summary, items: items.map((item) => ({ ...item, key: undefined })), citations: citations.map(citationPayload) }),
        );
      }}
    >
      <div aria-live="polite">{result && !result.ok ? <Alert>{errors?.items?.join(" ") || result.message}</Alert> : null}</div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Labelled id="proposedOn" label="Proposed on" hint="YYYY-MM-DD, or YYYY-MM" errors={errors?.proposedOn}>
          <input {...describe("proposedOn", errors?.proposedOn, true)} className={inputClass} value={proposedOn} onChange={(e) => setProposedOn(e.target.value)} />
        </Labelled>
        <Labelled id="status" label="Status" errors={errors?.status}>
          <select {...describe("status", errors?.status)} className={inputClass} value={status} onChange={(e) => setStatus(e.target.value)}>
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
            <div key={item.key} className="grid gap-3 rounded border border-stone-200 p-3 sm:grid-cols-4 dark:border-stone-700" data-testid="terms-item-row">
              <Labelled id={id("releasing")} label="Releasing side" errors={err("releasingActorId")}>
                <select {...describe(id("releasing"), err("releasingActorId"))} className={inputClass} value={item.releasingActorId} onChange={(e) => update(index, { releasingActorId: e.target.value })}>
                  <option value="">Choose…</option>
                  {actors.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </select>
              </Labelled>
              <Labelled id={id("receiving")} label="Receiving side" errors={err("receivingActorId")}>
                <select {...describe(id("receiving"), err("receivingActorId"))} className={inputClass} value={item.receivingActorId} onChange={(e) => update(index, { receivingActorId: e.target.value })}>
                  <option value="">Choose…</option>
                  {actors.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </select>
              </Labelled>
              <Labelled id={id("category")} label="Who" errors={err("category")}>
                <select {...describe(id("category"), err("category"))} className={inputClass} value={item.category} onChange={(e) => update(index, { category: e.target.value })}>
                  <option value="">Choose…</option>
                  {releaseCategories.map((c) => (
                    <option key={c} value={c}>
                      {categoryLabels[c as ReleaseCategory].many}
                    </option>
                  ))}
                </select>
              </Labelled>
              <Labelled id={id("exact")} label="Exact count" errors={err("exact")}>
                <input {...describe(id("exact"), err("exact"))} inputMode="numeric" className={inputClass} value={item.exact} onChange={(e) => update(index, { exact: e.target.value })} />
              </Labelled>
              <Labelled id={id("min")} label="Or a range: from" errors={err("min")}>
                <input {...describe(id("min"), err("min"))} inputMode="numeric" className={inputClass} value={item.min} onChange={(e) => update(index, { min: e.target.value })} />
              </Labelled>
              <Labelled id={id("max")} label="to" errors={err("max")}>
                <input {...describe(id("max"), err("max"))} inputMode="numeric" className={inputClass} value={item.max} onChange={(e) => update(index, { max: e.target.value })} />
              </Labelled>
              <Labelled id={id("wording")} label="Or wording (e.g. “dozens”)" errors={err("wording")}>
                <input {...describe(id("wording"), err("wording"))} className={inputClass} value={item.wording} onChange={(e) => update(index, { wording: e.target.value })} />
              </Labelled>
              <div className="flex items-end">
                <button type="button" className="text-sm underline" onClick={() => setItems((rows) => rows.filter((_, i) => i !== index))}>
                  Remove item {index + 1}
                </button>
              </div>
              <div className="sm:col-span-4">
                <Labelled id={id("description")} label="Description" errors={err("description")}>
                  <input {...describe(id("description"), err("description"))} className={inputClass} value={item.description} onChange={(e) => update(index, { description: e.target.value })} />
                </Labelled>
              </div>
            </div>
          );
        })}
        <div>
          <button type="button" className="rounded px-3 py-1.5 text-sm ring-1 ring-stone-300 dark:ring-stone-600" onClick={() => setItems((rows) => [...rows, newRow()])}>
            Add an item
          </button>
        </div>
      </fieldset>
      <Labelled id="termsSummary" label="Summary (optional)" errors={errors?.summary}>
        <textarea {...describe("termsSummary", errors?.summary)} rows={2} className={inputClass} value={summary} onChange={(e) => setSummary(e.target.value)} />
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
