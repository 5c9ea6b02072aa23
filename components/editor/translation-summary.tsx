import Link from "next/link";
import type { TranslationState } from "@/lib/translations/fields";

/**
 * How many of a negotiation's texts lack Arabic or have an outdated one. Publishing never waits
 * for translations: an item published without Arabic is English-only, and Arabic readers see
 * the English, marked as English.
 */
export function TranslationSummary({
  negotiationId,
  counts,
  linked = true,
}: {
  negotiationId: string;
  counts: Record<TranslationState, number>;
  linked?: boolean;
}) {
  const todo = counts.missing + counts.outdated;
  return (
    <section aria-label="Arabic translations" className="mt-3 text-sm">
      <p>
        Arabic: {counts.current} up to date, {counts.outdated} outdated, {counts.missing} missing.{" "}
        {linked ? (
          <Link href={`/editor/negotiations/${negotiationId}/translations`} className="underline">
            {todo > 0 ? "Translate the rest" : "Review the translations"}
          </Link>
        ) : null}
      </p>
      {todo > 0 ? (
        <p className="text-stone-600 dark:text-stone-400">
          Publishing does not wait for translations: what has no Arabic is published English-only, and Arabic readers
          see the English with a note. Outdated Arabic stays visible until it is updated.
        </p>
      ) : null}
    </section>
  );
}
