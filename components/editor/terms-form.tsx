"use client";

import { useState } from "react";
import { ActionStatus } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { createTermsVersionAction } from "@/lib/actions/terms";
import { categoryLabels, releaseCategoryOptions, termsStatusLabels } from "@/lib/format/labels";
import type { ReleaseCategory, TermsStatus } from "@/lib/generated/prisma/enums";
import { ActorSelect } from "./actor-select";
import { CitationFields } from "./citation-fields";
import { BreakdownFields } from "./breakdown-fields";
import {
  citationPayload,
  emptyCitation,
  emptyObligation,
  type ActorChoices,
  type CitationRow,
  type ObligationRow,
} from "./form-values";
import { Labelled, SelectField, describe, inputClass } from "./form-bits";
import { QuantityFields } from "./quantity-fields";
import { useObjectAction } from "./use-object-action";

export type PhaseChoice = { id: string; label: string; status: string | null; obligations: ObligationRow[] };

const statuses = Object.keys(termsStatusLabels) as TermsStatus[];
const NEW_PHASE = "new";

/**
 * A new version of one phase's terms. Obligations of the phase's current version are carried
 * over (same identity, so recorded progress stays): change their numbers, withdraw them, or add
 * new ones. Changing only the status needs nothing else.
 */
export function TermsForm({
  negotiationId,
  actors,
  phases,
}: {
  negotiationId: string;
  actors: ActorChoices;
  phases: PhaseChoice[];
}) {
  const [phaseId, setPhaseId] = useState(phases[0]?.id ?? "");
  const [newPhaseName, setNewPhaseName] = useState("");
  const phase = phases.find((p) => p.id === phaseId);
  const [rows, setRows] = useState<ObligationRow[]>(
    phase && phase.obligations.length > 0 ? phase.obligations : [emptyObligation()],
  );
  const [citations, setCitations] = useState<CitationRow[]>([emptyCitation()]);
  const [proposedOn, setProposedOn] = useState("");
  const [status, setStatus] = useState(phase?.status ?? "PROPOSED");
  const [summary, setSummary] = useState("");
  const { result, errors, pending, submit } = useObjectAction<{ id: string; number: number }>(
    createTermsVersionAction,
    () => `/editor/negotiations/${negotiationId}`,
  );
  const update = (index: number, patch: Partial<ObligationRow>) =>
    setRows((list) => list.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const choosePhase = (id: string) => {
    setPhaseId(id);
    const next = phases.find((p) => p.id === id);
    setRows(next && next.obligations.length > 0 ? next.obligations : [emptyObligation()]);
    setStatus(next?.status ?? "PROPOSED");
  };
  const rowLabel = (row: ObligationRow, index: number) =>
    row.label ||
    `New obligation ${index + 1}${row.category ? ` (${categoryLabels[row.category as ReleaseCategory].many})` : ""}`;

  return (
    <form
      noValidate
      className="grid gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        submit({
          negotiationId,
          phaseId: phaseId === NEW_PHASE ? "" : phaseId,
          newPhaseName: phaseId === NEW_PHASE ? newPhaseName : "",
          proposedOn,
          status,
          summary,
          obligations: rows.map((row) => {
            const base = rows.findIndex((r) => r.key === row.perUnitOf);
            const target = rows[base];
            return {
              obligationId: row.obligationId,
              releasingActorId: row.obligationId ? "" : row.releasingActorId,
              receivingActorId: row.obligationId ? "" : row.receivingActorId,
              category: row.obligationId ? "" : row.category,
              quantity: row.useRatio ? undefined : row.quantity,
              perUnit: row.useRatio ? row.perUnit : "",
              perUnitOf: row.useRatio && target ? target.obligationId || `#${base}` : "",
              description: row.description,
              withdrawn: row.withdrawn,
              breakdowns: row.breakdowns.map(({ label, category, quantity }) => ({ label, category, quantity })),
            };
          }),
          citations: citations.map(citationPayload),
        });
      }}
    >
      <ActionStatus result={result} failure={errors?.obligations?.join(" ")} />
      <div className="grid gap-4 sm:grid-cols-3">
        {phases.length > 0 ? (
          <Labelled id="phaseId" label="Phase" errors={errors?.phaseId}>
            <select
              {...describe("phaseId", errors?.phaseId)}
              className={inputClass}
              value={phaseId}
              onChange={(e) => choosePhase(e.target.value)}
            >
              {phases.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
              <option value={NEW_PHASE}>A new phase…</option>
            </select>
          </Labelled>
        ) : null}
        {phaseId === NEW_PHASE ? (
          <Labelled id="newPhaseName" label="Name of the new phase" errors={errors?.newPhaseName}>
            <input
              dir="auto"
              {...describe("newPhaseName", errors?.newPhaseName)}
              className={inputClass}
              value={newPhaseName}
              placeholder="e.g. Phase 2"
              onChange={(e) => setNewPhaseName(e.target.value)}
            />
          </Labelled>
        ) : null}
        <Labelled id="proposedOn" label="Proposed on" hint="YYYY-MM-DD, or YYYY-MM" errors={errors?.proposedOn}>
          <input
            dir="auto"
            {...describe("proposedOn", errors?.proposedOn, true)}
            className={inputClass}
            value={proposedOn}
            onChange={(e) => setProposedOn(e.target.value)}
          />
        </Labelled>
        <SelectField
          id="status"
          label="Status"
          errors={errors?.status}
          value={status}
          onChange={setStatus}
          options={statuses.map((s) => ({ value: s, label: termsStatusLabels[s] }))}
        />
      </div>
      <fieldset className="grid gap-4">
        <legend className="text-base font-semibold">Obligations: who releases whom</legend>
        {rows.map((row, index) => {
          const id = (field: string) => `obligation-${row.key}-${field}`;
          const err = (field: string) => errors?.[`obligations.${index}.${field}`];
          return (
            <div
              key={row.key}
              className="grid gap-3 rounded border border-stone-200 p-3 sm:grid-cols-3 dark:border-stone-700"
              data-testid="terms-item-row"
            >
              {row.obligationId ? (
                <p className="font-medium sm:col-span-3" dir="auto">
                  {row.label} <span className="text-sm font-normal">(carried over)</span>
                </p>
              ) : (
                <>
                  <ActorSelect
                    id={id("releasing")}
                    label="Releasing side"
                    errors={err("releasingActorId")}
                    value={row.releasingActorId}
                    onChange={(value) => update(index, { releasingActorId: value })}
                    actors={actors}
                  />
                  <ActorSelect
                    id={id("receiving")}
                    label="Receiving side"
                    errors={err("receivingActorId")}
                    value={row.receivingActorId}
                    onChange={(value) => update(index, { receivingActorId: value })}
                    actors={actors}
                  />
                  <SelectField
                    id={id("category")}
                    label="Who"
                    errors={err("category")}
                    value={row.category}
                    onChange={(value) => update(index, { category: value })}
                    options={releaseCategoryOptions}
                    placeholder="Choose…"
                  />
                </>
              )}
              <label className="flex items-center gap-2 text-sm sm:col-span-3">
                <input
                  type="checkbox"
                  checked={row.useRatio}
                  onChange={(e) => update(index, { useRatio: e.target.checked })}
                />{" "}
                Counted per unit of another obligation (a ratio rule)
              </label>
              {row.useRatio ? (
                <>
                  <Labelled id={id("perUnit")} label="How many per unit" errors={err("perUnit")}>
                    <input
                      dir="auto"
                      {...describe(id("perUnit"), err("perUnit"))}
                      inputMode="numeric"
                      className={inputClass}
                      value={row.perUnit}
                      onChange={(e) => update(index, { perUnit: e.target.value })}
                    />
                  </Labelled>
                  <SelectField
                    id={id("perUnitOf")}
                    label="Per unit of"
                    errors={err("perUnitOf")}
                    value={row.perUnitOf}
                    onChange={(value) => update(index, { perUnitOf: value })}
                    options={rows
                      .map((r, i) => ({ value: r.key, label: rowLabel(r, i) }))
                      .filter((option) => option.value !== row.key)}
                    placeholder="Choose…"
                  />
                </>
              ) : (
                <div className="sm:col-span-3">
                  <QuantityFields
                    id={id("quantity")}
                    label="How many"
                    path={`obligations.${index}.quantity`}
                    value={row.quantity}
                    onChange={(quantity) => update(index, { quantity })}
                    errors={errors}
                  />
                </div>
              )}
              <div className="sm:col-span-3">
                <BreakdownFields
                  idPrefix={id("breakdown")}
                  path={`obligations.${index}.breakdowns`}
                  rows={row.breakdowns}
                  onChange={(breakdowns) => update(index, { breakdowns })}
                  errors={errors}
                />
              </div>
              <div className="sm:col-span-2">
                <Labelled id={id("description")} label="Description" errors={err("description")}>
                  <input
                    {...describe(id("description"), err("description"))}
                    className={inputClass}
                    dir="auto"
                    value={row.description}
                    onChange={(e) => update(index, { description: e.target.value })}
                  />
                </Labelled>
              </div>
              <div className="flex items-end gap-3">
                {row.obligationId ? (
                  <label className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      checked={row.withdrawn}
                      onChange={(e) => update(index, { withdrawn: e.target.checked })}
                    />{" "}
                    Withdrawn in this version
                  </label>
                ) : (
                  <button
                    type="button"
                    className="text-sm underline"
                    onClick={() => setRows((list) => list.filter((_, i) => i !== index))}
                  >
                    Remove obligation {index + 1}
                  </button>
                )}
              </div>
            </div>
          );
        })}
        <div>
          <button
            type="button"
            className="rounded px-3 py-1.5 text-sm ring-1 ring-stone-300 dark:ring-stone-600"
            onClick={() => setRows((list) => [...list, emptyObligation()])}
          >
            Add an obligation
          </button>
        </div>
      </fieldset>
      <Labelled id="termsSummary" label="Summary (optional)" errors={errors?.summary}>
        <textarea
          dir="auto"
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
