import { getFeed } from "@/lib/data/reader/feed";
import { buildFeed, feedResponse } from "@/lib/feeds";

export async function GET() {
  const data = (await getFeed(null))!;
  return feedResponse(buildFeed(data).atom1(), "atom");
}
