"use client";

import { useCallback, useRef } from "react";

/** 128 random bits as hex; getRandomValues works on plain http too (randomUUID needs a secure context). */
function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * One key per intended submission, sent as the `idempotencyKey` field: the same
 * key on a double click, a resubmit after an error or a retry after a timeout
 * (the server then returns the first result instead of storing twice), a new
 * one once a submission has succeeded. Made at submit time, never during render.
 */
export function useIdempotencyKey() {
  const key = useRef<string | null>(null);
  const current = useCallback(() => (key.current ??= newIdempotencyKey()), []);
  const renew = useCallback(() => {
    key.current = null;
  }, []);
  return { current, renew };
}
