"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useTransition } from "react";
import { useIdempotencyKey } from "@/components/staff/use-idempotency-key";
import type { ActionResult } from "@/lib/actions/define-action";

type ObjectAction<T> = (previous: unknown, input: Record<string, unknown>) => Promise<ActionResult<T>>;

/**
 * Calls a server action with a plain object (forms with repeated rows), and
 * refreshes or navigates after success. Field errors come back keyed by path.
 * Every submission carries an idempotency key, kept until one succeeds.
 */
export function useObjectAction<T>(action: unknown, onSuccess?: (data: T | undefined) => string | void) {
  const router = useRouter();
  const [result, dispatch, pending] = useActionState(action as ObjectAction<T>, null);
  const [transitioning, startTransition] = useTransition();
  const idempotencyKey = useIdempotencyKey();
  useEffect(() => {
    if (!result?.ok) return;
    idempotencyKey.renew();
    const next = onSuccess?.(result.data);
    if (next) router.push(next);
    else router.refresh();
    // Only react to a new result.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);
  return {
    result,
    errors: result && !result.ok ? result.errors : undefined,
    pending: pending || transitioning,
    submit: (input: Record<string, unknown>) =>
      startTransition(() => dispatch({ ...input, idempotencyKey: idempotencyKey.current() })),
  };
}

/** The one sentence to show for a failed action: its first field error, else its message. */
export function firstProblem(result: ActionResult<unknown> | null): string | null {
  if (!result || result.ok) return null;
  return Object.values(result.errors ?? {}).flat()[0] ?? result.message;
}
