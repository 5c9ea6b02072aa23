import { withDatabaseErrors } from "@/lib/api/respond";
import { getFeed } from "@/lib/data/reader/feed";
import { buildFeed, feedResponse } from "@/lib/feeds";

export const GET = withDatabaseErrors(async function GET() {
  const data = (await getFeed(null))!;
  return feedResponse(buildFeed(data).atom1(), "atom");
}, "text");
