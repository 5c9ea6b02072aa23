"use client";

import { useEffect, useState } from "react";

const LEAVE_WARNING = "You have unsaved changes on this page. Leave without saving them?";

/**
 * A click on an in-app link that would leave this page: plain left click on a same-origin
 * link to another address (new tabs, downloads and in-page anchors leave nothing behind).
 */
function leavesPage(event: MouseEvent): boolean {
  if (event.defaultPrevented || event.button !== 0) return false;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  const link = (event.target as Element | null)?.closest?.("a[href]");
  if (!(link instanceof HTMLAnchorElement)) return false;
  if ((link.target && link.target !== "_self") || link.hasAttribute("download")) return false;
  const to = new URL(link.href, window.location.href);
  if (to.origin !== window.location.origin) return true;
  return to.pathname !== window.location.pathname || to.search !== window.location.search;
}

/**
 * Warns before leaving with unsaved changes — by reload, Back, a typed address, or any in-app
 * link such as the header's — and keeps a copy of the input in this browser on every change.
 */
export function useUnsavedGuard<T>(storageKey: string, state: T, dirty: boolean, base?: T) {
  // `base` is what the input started from, so a restored copy can be merged three ways.
  const [saved, setSaved] = useState<{ at: string; state: T; base?: T } | null>(null);

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
    try {
      window.localStorage.setItem(storageKey, JSON.stringify({ at: new Date().toISOString(), state, base }));
    } catch {
      // Storage full or blocked: the warnings below still protect the input.
    }
  }, [storageKey, state, dirty, base]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    // Capture phase on the document runs before Next's <Link> handler (React listens at the root),
    // so a refusal stops the client-side navigation too.
    const guardLinks = (event: MouseEvent) => {
      if (!leavesPage(event) || window.confirm(LEAVE_WARNING)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener("beforeunload", warn);
    document.addEventListener("click", guardLinks, true);
    return () => {
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("click", guardLinks, true);
    };
  }, [dirty]);

  return {
    savedCopy: saved,
    discardSavedCopy: () => {
      window.localStorage.removeItem(storageKey);
      setSaved(null);
    },
  };
}
