"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

export type MergeChoice = { field: string; label: string; mine: string; theirs: string; base: string };

/**
 * The fields both you and another editor changed since you started: each shown three ways
 * (yours, saved now, what you started from); you pick yours or the saved one for each.
 */
export function MergeChoices({
  choices,
  onResolve,
}: {
  choices: MergeChoice[];
  onResolve: (picked: Record<string, "mine" | "theirs">) => void;
}) {
  const [picked, setPicked] = useState<Record<string, "mine" | "theirs">>({});
  const complete = choices.every((c) => picked[c.field]);
  return (
    <div
      role="group"
      aria-labelledby="merge-heading"
      className="grid gap-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
      data-testid="merge-choices"
    >
      <p id="merge-heading" className="font-semibold">
        Another editor changed {choices.length === 1 ? "a field" : "fields"} you also changed. Choose which text to keep
        for each; the other fields were merged for you.
      </p>
      {choices.map((c) => (
        <fieldset key={c.field} className="grid gap-1">
          <legend className="font-medium">{c.label}</legend>
          <p className="text-xs">
            You started from: <span dir="auto">{c.base}</span>
          </p>
          {(["mine", "theirs"] as const).map((side) => (
            <label key={side} className="flex items-start gap-2">
              <input
                type="radio"
                name={`merge-${c.field}`}
                checked={picked[c.field] === side}
                onChange={() => setPicked((p) => ({ ...p, [c.field]: side }))}
              />
              <span>
                {side === "mine" ? "Yours: " : "Saved now: "}
                <span dir="auto">{side === "mine" ? c.mine : c.theirs}</span>
              </span>
            </label>
          ))}
        </fieldset>
      ))}
      <div>
        <Button type="button" disabled={!complete} onClick={() => onResolve(picked)}>
          Use these choices
        </Button>
      </div>
    </div>
  );
}
