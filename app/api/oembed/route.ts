import { apiError, withDatabaseErrors } from "@/lib/api/respond";
import { getPublishedNegotiation } from "@/lib/data/reader/negotiation";
import { EMBED_HEIGHT, embedSnippet } from "@/lib/embed";
import { siteUrl } from "@/lib/site-url";

/** oEmbed (https://oembed.com) so CMSs can embed a negotiation by pasting its URL. */
export const GET = withDatabaseErrors(async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  if ((params.get("format") ?? "json") !== "json")
    return apiError(501, "format_not_supported", "Only format=json is supported.");
  let target: URL;
  try {
    target = new URL(params.get("url") ?? "");
  } catch {
    return apiError(400, "bad_parameters", "url must be the address of a Parley negotiation page.");
  }
  // An Arabic page (/ar/negotiations/…) embeds the Arabic card; ?lang=ar asks for it too.
  const match = /^(?:\/(ar))?\/negotiations\/([a-z0-9-]+)\/?$/.exec(target.pathname);
  const slug = match?.[2];
  const lang = match?.[1] === "ar" || params.get("lang") === "ar" ? "ar" : "en";
  if (!slug) return apiError(404, "not_found", "That URL is not a Parley negotiation page.");
  const negotiation = await getPublishedNegotiation(slug, lang);
  if (!negotiation) return apiError(404, "not_found", "No published negotiation has this address.");
  const embedUrl = new URL(`/embed/negotiations/${slug}${lang === "ar" ? "?lang=ar" : ""}`, siteUrl()).toString();
  const maxwidth = Number(params.get("maxwidth")) || 600;
  return Response.json(
    {
      version: "1.0",
      type: "rich",
      provider_name: "Parley",
      provider_url: siteUrl().origin,
      // The title in the card's language (the English where it has no translation yet).
      title: negotiation.localized.title.text,
      // Not an oEmbed field of its own; consumers may read the card's language here.
      lang,
      html: embedSnippet(embedUrl, negotiation.localized.title.text),
      width: Math.min(maxwidth, 600),
      height: EMBED_HEIGHT,
    },
    { headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" } },
  );
});
