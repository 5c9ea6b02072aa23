"use client";

import { ActionForm, errorsFor, valueOf } from "@/components/staff/action-form";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { saveTranslationAction } from "@/lib/actions/translations";
import type { ActionResult } from "@/lib/actions/define-action";
import type { SavedTranslation } from "@/lib/data/editor/translations";
import type { TranslationItem } from "@/lib/data/editor/translation-overview";
import { fieldLabels, type TranslationState } from "@/lib/translations/fields";
import { describe, FieldError, inputClass } from "./form-bits";

const stateBadges: Record<TranslationState, { tone: BadgeTone; text: string }> = {
  current: { tone: "done", text: "Arabic up to date" },
  outdated: { tone: "live", text: "Arabic outdated: the English changed" },
  missing: { tone: "alert", text: "No Arabic: shown in English" },
  "not-needed": { tone: "neutral", text: "Nothing to translate" },
};

export function TranslationStateBadge({ state }: { state: TranslationState }) {
  const badge = stateBadges[state];
  return (
    <Badge tone={badge.tone} label="Translation">
      {badge.text}
    </Badge>
  );
}

/**
 * The Arabic version of one editorial text, beside its English. Saving it records which English
 * it translates; saving it empty removes it (readers then see the English, marked as such).
 */
export function TranslationField({ item, showOriginal = true }: { item: TranslationItem; showOriginal?: boolean }) {
  const id = `tr-${item.field.toLowerCase()}-${item.entityId}`;
  return (
    <ActionForm action={saveTranslationAction} successMessage="Arabic saved." className="grid gap-2">
      {({ result, pending }) => {
        const saved = result?.ok ? (result as ActionResult<SavedTranslation> & { ok: true }).data : undefined;
        const version = saved?.version ?? item.translation?.version ?? 0;
        const state = saved?.state ?? item.state;
        const errors = errorsFor(result, "text");
        return (
          <>
            <input type="hidden" name="field" value={item.field} />
            <input type="hidden" name="entityId" value={item.entityId} />
            <input type="hidden" name="locale" value="ar" />
            <input type="hidden" name="originalHash" value={item.originalHash} />
            <input type="hidden" name="version" value={version} />
            <div className="flex flex-wrap items-center gap-2">
              <label htmlFor={id} className="text-sm font-medium">
                {fieldLabels[item.field]} in Arabic
              </label>
              <TranslationStateBadge state={state} />
            </div>
            {showOriginal ? (
              <p className="text-sm text-stone-700 dark:text-stone-300" lang="en" dir="auto">
                <span className="sr-only">English: </span>
                {item.original}
              </p>
            ) : null}
            <textarea
              {...describe(id, errors)}
              name="text"
              lang="ar"
              dir="rtl"
              rows={item.field.endsWith("SUMMARY") || item.field.endsWith("DESCRIPTION") ? 4 : 2}
              defaultValue={valueOf(result, "text") ?? item.translation?.text ?? ""}
              className={inputClass}
            />
            <FieldError id={`${id}-error`} messages={errors} />
            <div>
              <Button type="submit" variant="secondary" pending={pending}>
                Save Arabic
              </Button>
            </div>
          </>
        );
      }}
    </ActionForm>
  );
}
