import { withDatabaseErrors } from "@/lib/api/respond";
import { getPublishedNegotiation } from "@/lib/data/reader/negotiation";
import { EMBED_POLICY, embedOptions, renderEmbed } from "@/lib/embed";
import { localePath } from "@/i18n/paths";
import { cacheControlFor } from "@/lib/server/public-cache-control";
import { siteUrl } from "@/lib/site-url";

/** The embeddable terms card: framable anywhere, cookie-free, cached briefly. */
export const GET = withDatabaseErrors(async function GET(
  request: Request,
  { params }: { params: Promise<{ slug: string }> },
) {
  const slug = (await params).slug;
  const options = embedOptions(new URL(request.url).searchParams);
  const negotiation = await getPublishedNegotiation(slug, options.lang);
  const headers = {
    "Content-Security-Policy": EMBED_POLICY,
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": cacheControlFor(request, 30),
    // The card's language, named by its address (?lang=), so caches need no Vary.
    "Content-Language": options.lang,
  };
  if (!negotiation)
    return new Response(
      '<!doctype html><html lang="en"><title>Not found</title><main><p>This negotiation is not published.</p></main></html>',
      {
        status: 404,
        headers,
      },
    );
  const pageUrl = new URL(localePath(options.lang, `/negotiations/${slug}`), siteUrl()).toString();
  return new Response(renderEmbed(negotiation, pageUrl, options), { headers });
}, "text");
