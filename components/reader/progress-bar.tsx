/** Implementation progress, announced to screen readers as "12 of 61 released". */
export function ProgressBar({
  value,
  max,
  label,
  caption = true,
}: {
  value: number;
  max: number;
  label: string;
  /** False where the same words already stand beside the bar (it stays named for screen readers). */
  caption?: boolean;
}) {
  const percent = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div>
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={label}
        aria-label={label}
        className="h-2 w-full overflow-hidden rounded bg-stone-200 dark:bg-stone-700 print:border print:border-black"
      >
        <div className="h-full bg-emerald-600 dark:bg-emerald-400" style={{ width: `${percent}%` }} />
      </div>
      {caption ? <p className="mt-1 text-xs text-stone-700 dark:text-stone-300">{label}</p> : null}
    </div>
  );
}
