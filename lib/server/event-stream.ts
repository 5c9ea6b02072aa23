// A negotiation's Server-Sent Events stream (GET /api/v1/negotiations/<slug>/events): one
// `change` event whenever a staff write touches it, on any instance (lib/server/change-feed.ts).
// Events carry the change id, so a browser that reconnects sends Last-Event-ID and gets what it
// missed; comment lines keep idle connections from being cut by proxies. Each instance caps
// its open streams; readers over the cap are told to poll instead.
import type { Change, ChangeFeed } from "./change-feed";

export const HEARTBEAT_MS = 15_000;
/** What browsers wait before reconnecting after a dropped stream. */
const RETRY_MS = 2_000;
const REGISTRY = Symbol.for("parley.event-streams");

/** Open streams in this process (route bundles and the server share the count). */
function counter(): { open: number } {
  const registry = globalThis as Record<symbol, { open: number } | undefined>;
  return (registry[REGISTRY] ??= { open: 0 });
}

export function openEventStreams(): number {
  return counter().open;
}

/** Takes one of the `max` stream places, or returns false when they are all in use. */
export function claimEventStream(max: number): boolean {
  const streams = counter();
  if (streams.open >= max) return false;
  streams.open++;
  return true;
}

export function releaseEventStream(): void {
  counter().open = Math.max(0, counter().open - 1);
}

export function formatEvent(change: Change): string {
  const data = JSON.stringify({ negotiationId: change.negotiationId, ...(change.resync ? { resync: true } : {}) });
  return `id: ${change.id}\nevent: change\ndata: ${data}\n\n`;
}

export type EventStreamOptions = {
  feed: ChangeFeed;
  negotiationId: string;
  lastEventId: string | null;
  signal: AbortSignal;
  heartbeatMs?: number;
};

/**
 * The body of one stream. The caller has claimed its place (claimEventStream); it is released
 * when the stream ends: the reader leaves, or the feed closes at shutdown (the stream then ends
 * cleanly, so the server can drain).
 */
export function negotiationEventStream(options: EventStreamOptions): ReadableStream<Uint8Array> {
  const { feed, negotiationId, lastEventId, signal } = options;
  const encoder = new TextEncoder();
  let finish: () => void = () => undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let done = false;
      const send = (text: string) => {
        if (!done) controller.enqueue(encoder.encode(text));
      };
      const stopFeed = feed.subscribe((change) => {
        if (change.negotiationId === negotiationId || change.resync) send(formatEvent(change));
      });
      const heartbeat = setInterval(() => send(`: heartbeat\n\n`), options.heartbeatMs ?? HEARTBEAT_MS);
      heartbeat.unref?.();
      const stopClose = feed.onClose(() => finish());
      finish = () => {
        if (done) return;
        done = true;
        stopFeed();
        stopClose();
        clearInterval(heartbeat);
        signal.removeEventListener("abort", finish);
        releaseEventStream();
        try {
          controller.close();
        } catch {
          // Already cancelled by the reader.
        }
      };
      signal.addEventListener("abort", finish);
      if (signal.aborted || feed.isClosed) return finish();

      send(`retry: ${RETRY_MS}\n\n`);
      if (lastEventId !== null) {
        const missed = feed.since(lastEventId, negotiationId);
        if (missed) for (const change of missed) send(formatEvent(change));
        // Too old to tell what was missed: one change event, so the page refetches.
        else send(formatEvent({ id: lastEventId.replace(/\D/g, "").slice(0, 20) || "0", negotiationId }));
      }
    },
    cancel() {
      finish();
    },
  });
}
