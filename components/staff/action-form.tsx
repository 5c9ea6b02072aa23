"use client";

import { useActionState, useEffect, type ReactNode } from "react";
import { ActionStatus } from "@/components/ui/alert";
import { useIdempotencyKey } from "@/components/staff/use-idempotency-key";
import type { ActionResult } from "@/lib/actions/define-action";

type Action = (previous: unknown, input: FormData) => Promise<ActionResult<unknown>>;

/**
 * A form bound to a server action through useActionState. Children receive the
 * last result (field errors, echoed values) and whether a submit is pending.
 * Every submission carries an idempotency key, kept until one succeeds.
 */
export function ActionForm({
  action,
  successMessage,
  className,
  children,
}: {
  action: Action;
  successMessage?: string;
  className?: string;
  children: (state: { result: ActionResult<unknown> | null; pending: boolean }) => ReactNode;
}) {
  const [result, formAction, pending] = useActionState(action, null);
  const idempotencyKey = useIdempotencyKey();
  useEffect(() => {
    if (result?.ok) idempotencyKey.renew();
  }, [result, idempotencyKey]);
  const submit = (formData: FormData) => {
    formData.set("idempotencyKey", idempotencyKey.current());
    formAction(formData);
  };
  return (
    <form action={submit} noValidate className={className}>
      <ActionStatus result={result} success={successMessage} />
      {children({ result, pending })}
    </form>
  );
}

export function errorsFor(result: ActionResult<unknown> | null, field: string): string[] | undefined {
  return result && !result.ok ? result.errors?.[field] : undefined;
}

export function valueOf(result: ActionResult<unknown> | null, field: string): string | undefined {
  return result && !result.ok ? result.values?.[field] : undefined;
}
