"use client";

import { useEffect, useRef, useState } from "react";

const INTERVAL_MS = 5000;

/**
 * Watches the public API for new or corrected developments with conditional
 * requests (If-None-Match: mostly 304s with no body), pausing while the tab
 * is hidden. Works behind any number of app instances: it needs no server state.
 */
export function LiveUpdates({ slug, fingerprint }: { slug: string; fingerprint: string[] }) {
  const [changes, setChanges] = useState(0);
  const etag = useRef<string | null>(null);
  const known = useRef(new Set(fingerprint));

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    const poll = async () => {
      if (!document.hidden) {
        try {
          const response = await fetch(`/api/v1/negotiations/${slug}/developments`, {
            headers: etag.current ? { "If-None-Match": etag.current } : {},
            cache: "no-store",
          });
          if (response.status === 200) {
            etag.current = response.headers.get("etag");
            const body = (await response.json()) as { items: Array<{ id: string; updatedAt: string }> };
            setChanges(body.items.filter((item) => !known.current.has(`${item.id}@${item.updatedAt}`)).length);
          }
        } catch {
          // Offline for a moment: try again on the next tick.
        }
      }
      if (!stopped) timer = setTimeout(poll, INTERVAL_MS);
    };
    timer = setTimeout(poll, INTERVAL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [slug]);

  return (
    <div aria-live="polite" className="sticky top-2 z-10 flex justify-center print:hidden">
      {changes > 0 ? (
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="rounded-full bg-ink px-4 py-2 text-sm font-medium text-white shadow-lg dark:bg-stone-100 dark:text-stone-900"
        >
          {changes} new update{changes === 1 ? "" : "s"}: show
        </button>
      ) : null}
    </div>
  );
}
