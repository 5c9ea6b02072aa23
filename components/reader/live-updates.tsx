"use client";

import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";

const INTERVAL_MS = 5000;

/**
 * Watches the public API for new or corrected developments with conditional
 * requests (If-None-Match: mostly 304s with no body). While the negotiation's
 * event stream is open (Server-Sent Events, fed by every app instance through
 * PostgreSQL), it checks as soon as a change is announced and does not poll;
 * without the stream (refused, unsupported, dropped) it polls every 5 s,
 * pausing while the tab is hidden and checking at once when it returns.
 */
export function LiveUpdates({
  slug,
  fingerprint,
  etag: renderedEtag,
  intlLocale = "en-GB",
}: {
  slug: string;
  fingerprint: string[];
  /** The ETag the developments API gives the data this page was rendered from: the first poll sends it. */
  etag?: string;
  /** The page's Intl locale (lib/i18n-format.ts; its digits are a server setting), for the clock. */
  intlLocale?: string;
}) {
  // Messages come from the page's own provider, which passes only the `pageLive` namespace.
  const t = useTranslations("pageLive");
  const clock = useMemo(
    () => new Intl.DateTimeFormat(intlLocale, { hour: "2-digit", minute: "2-digit" }),
    [intlLocale],
  );
  const [changes, setChanges] = useState(0);
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);
  // Seeded with the page's own validator, so an unchanged page's very first check is a bodiless 304.
  const etag = useRef<string | null>(renderedEtag ?? null);
  const known = useRef(new Set(fingerprint));

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    let checking = false;
    const stream = typeof EventSource === "undefined" ? null : new EventSource(`/api/v1/negotiations/${slug}/events`);
    const streaming = () => stream?.readyState === EventSource.OPEN;
    // After an announced change, the change id in the address skips any shared cache's older copy.
    const check = async (change?: string) => {
      // One request at a time: a tab returning mid-request waits for that request's answer.
      if (checking) return;
      checking = true;
      try {
        const query = change ? `?change=${encodeURIComponent(change)}` : "";
        const response = await fetch(`/api/v1/negotiations/${slug}/developments${query}`, {
          headers: etag.current ? { "If-None-Match": etag.current } : {},
          cache: "no-store",
        });
        if (response.ok || response.status === 304) setCheckedAt(new Date());
        if (response.status === 200) {
          etag.current = response.headers.get("etag");
          const body = (await response.json()) as { items: Array<{ id: string; updatedAt: string }> };
          setChanges(body.items.filter((item) => !known.current.has(`${item.id}@${item.updatedAt}`)).length);
        }
      } catch {
        // Offline for a moment: try again on the next tick.
      } finally {
        checking = false;
      }
    };
    const poll = async () => {
      if (!document.hidden && !streaming()) await check();
      clearTimeout(timer);
      if (!stopped) timer = setTimeout(poll, INTERVAL_MS);
    };
    stream?.addEventListener("change", (event) => void check((event as MessageEvent).lastEventId));
    timer = setTimeout(poll, INTERVAL_MS);
    // A returning tab checks now (stream or not: it may have been throttled while hidden)
    // rather than on a timer set before it was hidden.
    const onVisible = () => {
      if (document.hidden) return;
      clearTimeout(timer);
      void check().then(() => {
        if (!stopped) timer = setTimeout(poll, INTERVAL_MS);
      });
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.close();
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [slug]);

  return (
    <div className="sticky top-2 z-10 flex flex-wrap items-center justify-end gap-3 print:hidden">
      <div aria-live="polite" className="flex-1 text-center">
        {changes > 0 ? (
          <button
            type="button"
            onClick={() => window.location.reload()}
            className="rounded-full bg-ink px-4 py-2 text-sm font-medium text-white shadow-lg dark:bg-stone-100 dark:text-stone-900"
          >
            {t("newUpdates", { count: changes, n: new Intl.NumberFormat(intlLocale).format(changes) })}
          </button>
        ) : null}
      </div>
      <p className="text-xs text-stone-700 dark:text-stone-300" data-testid="live-indicator">
        <span aria-hidden="true" className="me-1 inline-block h-2 w-2 rounded-full bg-red-700 dark:bg-red-400" />
        {checkedAt ? t("checked", { time: clock.format(checkedAt) }) : t("live")}
      </p>
    </div>
  );
}
