import { Feed } from "feed";
import type { FeedData } from "@/lib/data/reader/feed";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import arMessages from "@/messages/ar.json";
import enMessages from "@/messages/en.json";
import { intlLocale } from "./i18n-format";
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
export function buildFeed(data: FeedData, locale: Locale = "en"): Feed {
  const base = siteUrl();
  const at = (path: string) => new URL(localePath(locale, path), base).toString();
  const words = (locale === "ar" ? arMessages : enMessages).feed;
  const stageWords = (locale === "ar" ? arMessages : enMessages).stage;
  const dateIn = (date: Date, precision: Parameters<typeof formatPartialDate>[1]) =>
    formatPartialDate(date, precision, intlLocale(locale));
  const page = at(data.slug ? `/negotiations/${data.slug}` : "/");
  const feedPath = data.slug ? `/negotiations/${data.slug}` : "";
  const feed = new Feed({
    // The English feed keeps its id; the Arabic one is a feed of its own.
    id: page,
    title: data.slug || locale === "en" ? data.title : words.siteTitle,
    link: page,
    // The feed's language; item texts stay English until their translations exist.
    language: locale,
    updated: new Date(data.updatedAt),
    generator: "Parley",
    copyright: "Parley contributors",
    feedLinks: {
      rss: at(`${feedPath}/feed.xml`),
      atom: at(`${feedPath}/atom.xml`),
    },
  });
  for (const entry of data.entries) {
    const link = at(`/negotiations/${entry.negotiation.slug}`) + `#development-${entry.id}`;
    const corrections = entry.corrections.map(
      (c) => `${words.correction} (${dateIn(new Date(c.correctedAt), "DAY")}): ${c.note}`,
    );
    const dated = `${dateIn(new Date(entry.occurredOn), entry.occurredPrecision)}: ${entry.summary}`;
    const text = [
      dated,
      entry.transfers.length > 0 ? `${words.released} ${entry.transfers.map(transferSentence).join("; ")}.` : "",
      entry.stageChange
        ? `${words.stage} ${locale === "en" ? stageLabels[entry.stageChange] : stageWords[entry.stageChange]}.`
        : "",
      citationSentence(entry.citations),
      entry.singleAnonymousSource ? words.singleAnonymous : "",
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
