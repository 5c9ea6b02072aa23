import { withDatabaseErrors } from "@/lib/api/respond";
import { getFeed } from "@/lib/data/reader/feed";
import { feedResponse, renderFeed } from "@/lib/feeds";
import { feedLocale } from "@/lib/feed-locale";

export const GET = withDatabaseErrors(async function GET(
  _request: Request,
  context: { params: Promise<{ slug: string; locale?: string }> },
) {
  const locale = await feedLocale(context);
  const data = locale ? await getFeed((await context.params).slug, locale) : null;
  if (!locale || !data)
    return new Response("No published negotiation at this address.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  return feedResponse(renderFeed(data, locale, "rss"), "rss", locale);
}, "text");
