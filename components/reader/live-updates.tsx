"use client";

import { useEffect, useRef, useState } from "react";

const INTERVAL_MS = 5000;

/**
 * Watches the public API for new or corrected developments with conditional
 * requests (If-None-Match: mostly 304s with no body). While the negotiation's
 * event stream is open (Server-Sent Events, fed by every app instance through
 * PostgreSQL), it checks as soon as a change is announced and does not poll;
 * without the stream (refused, unsupported, dropped) it polls every 5 s,
 * pausing while the tab is hidden.
 */
export function LiveUpdates({ slug, fingerprint }: { slug: string; fingerprint: string[] }) {
  const [changes, setChanges] = useState(0);
  const etag = useRef<string | null>(null);
  const known = useRef(new Set(fingerprint));

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    const stream = typeof EventSource === "undefined" ? null : new EventSource(`/api/v1/negotiations/${slug}/events`);
    const streaming = () => stream?.readyState === EventSource.OPEN;
    // After an announced change, the change id in the address skips any shared cache's older copy.
    const check = async (change?: string) => {
      try {
        const query = change ? `?change=${encodeURIComponent(change)}` : "";
        const response = await fetch(`/api/v1/negotiations/${slug}/developments${query}`, {
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
    };
    const poll = async () => {
      if (!document.hidden && !streaming()) await check();
      if (!stopped) timer = setTimeout(poll, INTERVAL_MS);
    };
    stream?.addEventListener("change", (event) => void check((event as MessageEvent).lastEventId));
    timer = setTimeout(poll, INTERVAL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.close();
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
