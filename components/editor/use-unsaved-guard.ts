"use client";

import { useEffect, useState } from "react";

/** Warns before leaving with unsaved changes, and keeps a copy of the input in this browser. */
export function useUnsavedGuard<T>(storageKey: string, state: T, dirty: boolean) {
  const [saved, setSaved] = useState<{ at: string; state: T } | null>(null);

  useEffect(() => {
    try {
      const raw = window.localStorage.getItem(storageKey);
      // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage is only readable after hydration
      if (raw) setSaved(JSON.parse(raw));
    } catch {
      // Private browsing or a corrupt copy: nothing to offer.
    }
  }, [storageKey]);

  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => {
      try {
        window.localStorage.setItem(storageKey, JSON.stringify({ at: new Date().toISOString(), state }));
      } catch {
        // Storage full or blocked: the beforeunload warning still protects the input.
      }
    }, 400);
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("beforeunload", warn);
    };
  }, [storageKey, state, dirty]);

  return {
    savedCopy: saved,
    discardSavedCopy: () => {
      window.localStorage.removeItem(storageKey);
      setSaved(null);
    },
  };
}
