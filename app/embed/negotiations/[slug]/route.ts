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
  const negotiation = await getPublishedNegotiation(slug);
  const headers = {
    "Content-Security-Policy": EMBED_POLICY,
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": cacheControlFor(request, 30),
  };
  if (!negotiation)
    return new Response(
      '<!doctype html><html lang="en"><title>Not found</title><main><p>This negotiation is not published.</p></main></html>',
      {
        status: 404,
        headers,
      },
    );
  const options = embedOptions(new URL(request.url).searchParams);
  const pageUrl = new URL(localePath(options.lang, `/negotiations/${slug}`), siteUrl()).toString();
  return new Response(renderEmbed(negotiation, pageUrl, options), { headers });
}, "text");
