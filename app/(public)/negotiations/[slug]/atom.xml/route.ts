import { withDatabaseErrors } from "@/lib/api/respond";
import { getFeed } from "@/lib/data/reader/feed";
import { buildFeed, feedResponse } from "@/lib/feeds";

export const GET = withDatabaseErrors(async function GET(
  _request: Request,
  { params }: { params: Promise<{ slug: string }> },
) {
  const data = await getFeed((await params).slug);
  if (!data)
    return new Response("No published negotiation at this address.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  return feedResponse(buildFeed(data).atom1(), "atom");
}, "text");
