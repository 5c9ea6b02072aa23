import type { ReactNode } from "react";

export function Alert({ tone = "error", children }: { tone?: "error" | "success"; children: ReactNode }) {
  const styles =
    tone === "error"
      ? "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      : "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100";
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded border px-3 py-2 text-sm ${styles}`}>
      {children}
    </div>
  );
}

type ResultLike = { ok: true } | { ok: false; message: string } | null | undefined;

/**
 * Announces a form's last server-action result: the error (or `failure`, a
 * more specific text) and, when `success` is given, the confirmation.
 */
export function ActionStatus({
  result,
  success,
  failure,
  className,
}: {
  result: ResultLike;
  success?: string;
  failure?: string;
  className?: string;
}) {
  return (
    <div className={className} aria-live="polite">
      {result && !result.ok ? <Alert>{failure || result.message}</Alert> : null}
      {result?.ok && success ? <Alert tone="success">{success}</Alert> : null}
    </div>
  );
}
