"use client";

import { useMemo, useState } from "react";
import { ActionStatus } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { createQuickDevelopmentAction } from "@/lib/actions/quick-entry";
import type { PickedSource } from "./form-values";
import { TextField } from "./form-bits";
import { SourcePicker } from "./source-picker";
import { useObjectAction } from "./use-object-action";
import { useUnsavedGuard } from "./use-unsaved-guard";

const empty = { title: "", summary: "", url: "", attribution: "" };

/**
 * Breaking news in five fields; everything else (date, kind, transfers, stage, actors) is
 * added on the development's own page, where this opens once saved.
 */
export function QuickEntryForm({ negotiationId }: { negotiationId: string }) {
  const [values, setValues] = useState(empty);
  const [source, setSource] = useState<PickedSource | null>(null);
  const dirty = source !== null || Object.values(values).some((v) => v !== "");
  // One object per change, so the copy is written when the input changes, not on every render.
  const kept = useMemo(() => ({ values, source }), [values, source]);
  const { discardSavedCopy } = useUnsavedGuard(`parley:quick:${negotiationId}`, kept, dirty);
  const { result, errors, pending, submit } = useObjectAction<{ id: string; source: string; how: string }>(
    createQuickDevelopmentAction,
    (data) => {
      discardSavedCopy();
      return data ? `/editor/developments/${data.id}?saved=1&source=${data.how}` : undefined;
    },
  );
  const field = (key: keyof typeof empty, label: string, hint?: string, multiline = false) => (
    <TextField
      id={`quick-${key}`}
      label={label}
      hint={hint}
      errors={errors?.[key]}
      value={values[key]}
      multiline={multiline}
      onChange={(value) => setValues((v) => ({ ...v, [key]: value }))}
    />
  );
  return (
    <form
      noValidate
      className="grid gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        submit({ negotiationId, ...values, sourceId: source?.id ?? "" });
      }}
    >
      <ActionStatus result={result} />
      {field("title", "Headline")}
      {field("summary", "What happened", undefined, true)}
      <SourcePicker
        name="quick-source"
        label="Source (or paste the link below)"
        value={source}
        onChange={setSource}
        error={errors?.sourceId}
      />
      {field("url", "Link to the report", "Parley recognises the source from its domain, or proposes it for review")}
      {field("attribution", "Attribution as published (optional)", "e.g. “a source who requested anonymity”")}
      <div>
        <Button type="submit" pending={pending}>
          {pending ? "Saving…" : "Save draft"}
        </Button>
      </div>
    </form>
  );
}
