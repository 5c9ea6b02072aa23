import type { ReactNode } from "react";

const tones = {
  neutral: "bg-stone-100 text-stone-800 ring-stone-300 dark:bg-stone-800 dark:text-stone-100 dark:ring-stone-600",
  live: "bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-700",
  done: "bg-emerald-50 text-emerald-900 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-100 dark:ring-emerald-700",
  alert: "bg-red-50 text-red-900 ring-red-300 dark:bg-red-950 dark:text-red-100 dark:ring-red-700",
} as const;

export type BadgeTone = keyof typeof tones;

export function Badge({
  tone = "neutral",
  label,
  children,
}: {
  tone?: BadgeTone;
  label?: string;
  children: ReactNode;
}) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}
    >
      {label ? <span className="sr-only">{label}: </span> : null}
      {children}
    </span>
  );
}
