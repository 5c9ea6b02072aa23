"use client";

import { stageLabels } from "@/lib/format/labels";
import { stages } from "@/lib/validation/enums";
import { ActorSelect } from "./actor-select";
import {
  emptyAccount,
  emptyTransfer,
  type ActorChoices,
  type DevelopmentFormValues,
  type TransferRow,
} from "./form-values";
import { Labelled, SelectField, describe, inputClass } from "./form-bits";
import { PlaceFields } from "./place-fields";
import { QuantityFields } from "./quantity-fields";
import { SourcePicker } from "./source-picker";

/**
 * One batch in one form: any number of transfers (per side and category) against the
 * terms' obligations, and an optional stage change, all dated as the development.
 */
export function BatchFields({
  values,
  set,
  errors,
  actors,
  obligations,
}: {
  values: DevelopmentFormValues;
  set: <K extends keyof DevelopmentFormValues>(key: K, value: DevelopmentFormValues[K]) => void;
  errors?: Record<string, string[]>;
  actors: ActorChoices;
  obligations: Array<{ id: string; label: string }>;
}) {
  const update = (index: number, patch: Partial<TransferRow>) =>
    set(
      "transfers",
      values.transfers.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    );
  return (
    <fieldset className="grid gap-4">
      <legend className="text-base font-semibold">Stage and releases (optional, in the same step)</legend>
      <div className="sm:w-1/3">
        <SelectField
          id="stageChange"
          label="Move the negotiation to stage"
          errors={errors?.stageChange}
          value={values.stageChange}
          onChange={(value) => set("stageChange", value)}
          options={stages.map((stage) => ({ value: stage, label: stageLabels[stage] }))}
          placeholder="No change"
        />
      </div>
      {values.transfers.map((row, index) => {
        const id = (field: string) => `transfer-${row.key}-${field}`;
        const err = (field: string) => errors?.[`transfers.${index}.${field}`];
        return (
          <div
            key={row.key}
            className="grid gap-3 rounded border border-stone-200 p-3 sm:grid-cols-3 dark:border-stone-700"
            data-testid="transfer-row"
          >
            <div className="sm:col-span-3">
              <SelectField
                id={id("obligation")}
                label={`Transfer ${index + 1}: against which obligation`}
                errors={err("obligationId")}
                value={row.obligationId}
                onChange={(value) => update(index, { obligationId: value })}
                options={obligations.map((o) => ({ value: o.id, label: o.label }))}
                placeholder="Choose…"
              />
            </div>
            <div className="sm:col-span-3">
              <QuantityFields
                id={id("quantity")}
                label="How many were released"
                path={`transfers.${index}.quantity`}
                value={row.quantity}
                onChange={(quantity) => update(index, { quantity })}
                errors={errors}
              />
            </div>
            <Labelled
              id={id("occurredOn")}
              label="Date, if not the development's"
              hint="YYYY-MM-DD; empty: the development's date"
              errors={err("occurredOn")}
            >
              <input
                dir="auto"
                {...describe(id("occurredOn"), err("occurredOn"), true)}
                className={inputClass}
                value={row.occurredOn}
                onChange={(e) => update(index, { occurredOn: e.target.value })}
              />
            </Labelled>
            <ActorSelect
              id={id("intermediary")}
              label="Carried out by (intermediary)"
              errors={err("intermediaryId")}
              value={row.intermediaryId}
              onChange={(value) => update(index, { intermediaryId: value })}
              actors={actors}
              placeholder="None"
            />
            <PlaceFields
              idPrefix={id("place")}
              label="Handover point"
              value={row}
              onChange={(patch) => update(index, patch)}
              error={err}
            />
            {row.account ? (
              <div className="grid gap-2 rounded bg-stone-50 p-2 sm:col-span-3 dark:bg-stone-800">
                <Labelled
                  id={id("account-attribution")}
                  label="Reported differently by"
                  errors={err("accounts.0.attribution")}
                >
                  <input
                    {...describe(id("account-attribution"), err("accounts.0.attribution"))}
                    className={inputClass}
                    dir="auto"
                    value={row.account.attribution}
                    onChange={(e) => update(index, { account: { ...row.account!, attribution: e.target.value } })}
                  />
                </Labelled>
                <QuantityFields
                  id={id("account-quantity")}
                  label="Their count"
                  path={`transfers.${index}.accounts.0.quantity`}
                  value={row.account.quantity}
                  onChange={(quantity) => update(index, { account: { ...row.account!, quantity } })}
                  errors={errors}
                />
                <SourcePicker
                  name={id("account-source")}
                  label="Their source (readers see its rating)"
                  value={row.account.source}
                  onChange={(source) => update(index, { account: { ...row.account!, source } })}
                  error={err("accounts.0.sourceId")}
                />
                <Labelled
                  id={id("account-url")}
                  label="Where they said so (web address)"
                  errors={err("accounts.0.sourceUrl")}
                >
                  <input
                    dir="ltr"
                    {...describe(id("account-url"), err("accounts.0.sourceUrl"))}
                    className={inputClass}
                    value={row.account.sourceUrl}
                    onChange={(e) => update(index, { account: { ...row.account!, sourceUrl: e.target.value } })}
                  />
                </Labelled>
              </div>
            ) : null}
            <div className="flex flex-wrap gap-3 text-sm sm:col-span-3">
              {row.account ? (
                <button type="button" className="underline" onClick={() => update(index, { account: null })}>
                  Remove the differing count
                </button>
              ) : (
                <button type="button" className="underline" onClick={() => update(index, { account: emptyAccount() })}>
                  Add a count reported differently
                </button>
              )}
              <button
                type="button"
                className="underline"
                onClick={() =>
                  set(
                    "transfers",
                    values.transfers.filter((_, i) => i !== index),
                  )
                }
              >
                Remove transfer {index + 1}
              </button>
            </div>
          </div>
        );
      })}
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="button"
          className="rounded px-3 py-1.5 text-sm ring-1 ring-stone-300 dark:ring-stone-600"
          onClick={() => set("transfers", [...values.transfers, emptyTransfer()])}
          disabled={obligations.length === 0}
        >
          Add a transfer
        </button>
        {obligations.length === 0 ? (
          <span className="text-sm text-stone-600 dark:text-stone-400">
            Enter the terms first: transfers are recorded against their obligations.
          </span>
        ) : null}
      </div>
      {values.transfers.length > 0 || errors?.confirmOverAgreed ? (
        <div className="grid gap-1">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              aria-describedby="confirmOverAgreed-error"
              checked={values.confirmOverAgreed}
              onChange={(e) => set("confirmOverAgreed", e.target.checked)}
            />{" "}
            More than agreed were released: confirmed (readers will see “more than agreed”)
          </label>
          <div id="confirmOverAgreed-error" aria-live="polite" className="text-sm text-red-700 dark:text-red-400">
            {errors?.confirmOverAgreed?.map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}
