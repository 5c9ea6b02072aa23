import { Feed } from "feed";
import type { FeedData } from "@/lib/data/reader/feed";
import { formatPartialDate } from "./dates";
import { citationSentence } from "./format/citation";
import { escapeHtml } from "./format/html";
import { stageLabels } from "./format/labels";
import { transferSentence } from "./format/transfer";
import { stripXmlForbidden } from "./format/xml-text";
import { siteUrl } from "./site-url";

/**
 * RSS 2.0 and Atom from the same published data; corrections update an item in place.
 * The feed library declares item titles and descriptions as HTML (Atom type="html",
 * RSS CDATA), so the plain text staff typed is escaped, never passed on as markup.
 */
export function buildFeed(data: FeedData): Feed {
  const base = siteUrl();
  const page = new URL(data.slug ? `/negotiations/${data.slug}` : "/", base).toString();
  const feedPath = data.slug ? `/negotiations/${data.slug}` : "";
  const feed = new Feed({
    id: page,
    title: data.title,
    link: page,
    language: "en",
    updated: new Date(data.updatedAt),
    generator: "Parley",
    copyright: "Parley contributors",
    feedLinks: {
      rss: new URL(`${feedPath}/feed.xml`, base).toString(),
      atom: new URL(`${feedPath}/atom.xml`, base).toString(),
    },
  });
  for (const entry of data.entries) {
    const link = new URL(`/negotiations/${entry.negotiation.slug}#development-${entry.id}`, base).toString();
    const corrections = entry.corrections.map(
      (c) => `Correction (${formatPartialDate(new Date(c.correctedAt), "DAY")}): ${c.note}`,
    );
    const dated = `${formatPartialDate(new Date(entry.occurredOn), entry.occurredPrecision)}: ${entry.summary}`;
    const text = [
      dated,
      entry.transfers.length > 0 ? `Released: ${entry.transfers.map(transferSentence).join("; ")}.` : "",
      entry.stageChange ? `Stage: ${stageLabels[entry.stageChange]}.` : "",
      citationSentence(entry.citations),
      entry.singleAnonymousSource ? "This rests on a single anonymous source." : "",
      ...corrections,
    ]
      .filter(Boolean)
      .join("\n\n");
    feed.addItem({
      id: `urn:parley:development:${entry.id}`,
      guid: `urn:parley:development:${entry.id}`,
      title: escapeHtml(data.slug ? entry.title : `${entry.negotiation.title}: ${entry.title}`),
      link,
      date: new Date(entry.updatedAt),
      published: new Date(entry.publishedAt ?? entry.updatedAt),
      description: text
        .split("\n\n")
        .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
        .join(""),
      // RSS <category> / Atom <category term>: readers and aggregators can pick out key events.
      category: entry.key ? [{ name: "Key event", term: "key-event" }] : undefined,
    });
  }
  return feed;
}

/**
 * Text stored before XML-forbidden characters were refused (a correction note with
 * U+000B, append-only) must not break the feed: they are removed from the whole
 * document, which cannot change its markup since none of them is markup.
 */
export function feedResponse(body: string, type: "rss" | "atom"): Response {
  return new Response(stripXmlForbidden(body), {
    headers: {
      "Content-Type": type === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=60, stale-while-revalidate=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
