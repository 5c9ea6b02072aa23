import { apiError, withDatabaseErrors } from "@/lib/api/respond";
import { getPublishedNegotiation } from "@/lib/data/reader/negotiation";
import { env } from "@/lib/env";
import { changeFeed } from "@/lib/server/change-feed";
import { claimEventStream, negotiationEventStream, releaseEventStream } from "@/lib/server/event-stream";

/** Seconds a refused reader waits before trying the stream again; pages poll meanwhile. */
const RETRY_AFTER_SECONDS = "30";

/**
 * Server-Sent Events: a `change` event whenever staff change this published negotiation on any
 * instance (ids resume with Last-Event-ID; a `: heartbeat` comment every 15 s). Each instance
 * serves at most PARLEY_EVENT_STREAMS_MAX streams; beyond that, 503 and polling.
 */
export const GET = withDatabaseErrors(async function GET(
  request: Request,
  { params }: { params: Promise<{ slug: string }> },
) {
  const settings = env();
  if (!claimEventStream(settings.PARLEY_EVENT_STREAMS_MAX)) {
    const refusal = apiError(
      503,
      "too_many_streams",
      "This server has as many open event streams as it allows. Poll the negotiation's developments instead, or retry later.",
    );
    refusal.headers.set("Retry-After", RETRY_AFTER_SECONDS);
    return refusal;
  }
  let claimed = true;
  try {
    const negotiation = await getPublishedNegotiation((await params).slug);
    if (!negotiation) return apiError(404, "not_found", "No published negotiation has this slug.");
    const body = negotiationEventStream({
      feed: changeFeed(settings.DATABASE_URL!),
      negotiationId: negotiation.id,
      lastEventId: request.headers.get("last-event-id"),
      signal: request.signal,
    });
    claimed = false; // The stream releases its place when it ends.
    return new Response(body, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        // no-transform: never compressed or buffered on the way (Next's compression skips it too).
        "Cache-Control": "no-store, no-transform",
        "X-Accel-Buffering": "no",
        "Access-Control-Allow-Origin": "*",
      },
    });
  } finally {
    if (claimed) releaseEventStream();
  }
});
