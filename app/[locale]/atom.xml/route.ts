import { withDatabaseErrors } from "@/lib/api/respond";
import { getFeed } from "@/lib/data/reader/feed";
import { feedResponse, renderFeed } from "@/lib/feeds";
import { feedLocale, type LocaleContext } from "@/lib/feed-locale";

/** /atom.xml and /ar/atom.xml: every published development, texts, links and labels in that language. */
export const GET = withDatabaseErrors(async function GET(_request?: Request, context?: LocaleContext) {
  const locale = await feedLocale(context);
  if (!locale) return new Response("Not found.", { status: 404 });
  const data = (await getFeed(null, locale))!;
  return feedResponse(renderFeed(data, locale, "atom"), "atom", locale);
}, "text");
