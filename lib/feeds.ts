import { Feed } from "feed";
import { createTranslator } from "use-intl/core";
import type { FeedData } from "@/lib/data/reader/feed";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import arMessages from "@/messages/ar.json";
import enMessages from "@/messages/en.json";
import type { LocalizedText } from "@/lib/translations/fields";
import { intlLocale } from "./i18n-format";
import { formatPartialDate } from "./dates";
import { citationSentence } from "./format/citation";
import { escapeHtml } from "./format/html";
import { stageLabels } from "./format/labels";
import { localizedHtml, untranslatedNote } from "./format/localized-html";
import { transferSentence } from "./format/transfer";
import { stripXmlForbidden } from "./format/xml-text";
import { siteUrl } from "./site-url";

export type FeedFormat = "rss" | "atom";

/**
 * RSS 2.0 or Atom from the same published data; corrections update an item in place.
 * The feed library declares item titles and descriptions as HTML (Atom type="html",
 * RSS CDATA), so the plain text staff typed is escaped, never passed on as markup.
 *
 * In another language than English, editorial texts come translated where a translation
 * exists; an English one is marked inside the HTML (`<span lang="en">` and the note "النص
 * بالإنجليزية"). An item title entirely in English is marked `xml:lang="en"` in Atom; RSS has no
 * per-element language, so its title carries the note instead.
 */
export function renderFeed(data: FeedData, locale: Locale, format: FeedFormat): string {
  const base = siteUrl();
  const at = (path: string) => new URL(localePath(locale, path), base).toString();
  const catalog = locale === "ar" ? arMessages : enMessages;
  const words = catalog.feed;
  const t = createTranslator({ locale, messages: catalog, namespace: "feed" });
  const dateIn = (date: Date, precision: Parameters<typeof formatPartialDate>[1]) =>
    formatPartialDate(date, precision, intlLocale(locale));
  // Generated English wording (citations, transfers) is marked as English, without the note meant for editorial text.
  const english = (text: string) => localizedHtml({ text, lang: "en" }, locale, { note: false });
  const page = at(data.slug ? `/negotiations/${data.slug}` : "/");
  const feedPath = data.slug ? `/negotiations/${data.slug}` : "";
  const feed = new Feed({
    // The English feed keeps its id; the Arabic one is a feed of its own.
    id: page,
    title:
      locale === "en"
        ? data.title
        : data.localized
          ? t("feedTitle", { title: data.localized.title.text })
          : words.siteTitle,
    link: page,
    language: locale,
    updated: new Date(data.updatedAt),
    generator: "Parley",
    copyright: "Parley contributors",
    feedLinks: {
      rss: at(`${feedPath}/feed.xml`),
      atom: at(`${feedPath}/atom.xml`),
    },
  });
  /** Items whose title is wholly in another language than the feed's, by development id. */
  const titleLanguages = new Map<string, string>();
  for (const entry of data.entries) {
    const link = at(`/negotiations/${entry.negotiation.slug}`) + `#development-${entry.id}`;
    const { title, summary } = entry.localized;
    const corrections = entry.corrections.map(
      (c) =>
        `${escapeHtml(`${words.correction} (${dateIn(new Date(c.correctedAt), "DAY")}): `)}${localizedHtml(c.localized.note, locale)}`,
    );
    const dated = `${escapeHtml(`${dateIn(new Date(entry.occurredOn), entry.occurredPrecision)}: `)}${localizedHtml(summary, locale)}`;
    const paragraphs = [
      dated,
      entry.transfers.length > 0
        ? `${escapeHtml(words.released)} ${english(`${entry.transfers.map(transferSentence).join("; ")}.`)}`
        : "",
      entry.stageChange
        ? escapeHtml(
            `${words.stage} ${locale === "en" ? stageLabels[entry.stageChange] : catalog.stage[entry.stageChange]}.`,
          )
        : "",
      entry.citations.length > 0 ? english(citationSentence(entry.citations)) : "",
      entry.singleAnonymousSource ? escapeHtml(words.singleAnonymous) : "",
      ...corrections,
    ].filter(Boolean);
    const titleParts: LocalizedText[] = data.slug ? [title] : [entry.negotiation.localized.title, title];
    const foreign = titleParts.filter((part) => part.lang !== locale);
    const wholly = foreign.length === titleParts.length ? foreign[0]!.lang : null;
    if (wholly && format === "atom") titleLanguages.set(entry.id, wholly);
    const titleText = titleParts.map((part) => part.text).join(": ");
    const note = foreign.length > 0 && !(wholly && format === "atom") ? ` ${untranslatedNote(locale, "en")}` : "";
    feed.addItem({
      id: `urn:parley:development:${entry.id}`,
      guid: `urn:parley:development:${entry.id}`,
      title: escapeHtml(`${titleText}${note}`),
      link,
      date: new Date(entry.updatedAt),
      published: new Date(entry.publishedAt ?? entry.updatedAt),
      description: paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join(""),
      // RSS <category> / Atom <category term>: readers and aggregators can pick out key events.
      category: entry.key ? [{ name: "Key event", term: "key-event" }] : undefined,
    });
  }
  return format === "rss" ? feed.rss2() : withAtomLanguages(feed.atom1(), locale, titleLanguages);
}

const ATOM_ROOT = '<feed xmlns="http://www.w3.org/2005/Atom">';
const ATOM_ENTRY_TITLE =
  /<title type="html">(<!\[CDATA\[[\s\S]*?\]\]>)<\/title>(\s*)<id>urn:parley:development:([^<]+)<\/id>/g;

/**
 * The feed library writes no xml:lang; added here: the feed's language on <feed>, and another
 * language on an entry <title> wholly in it. The library's layout is fixed (title, then id, in
 * each entry) and titles are escaped HTML in CDATA, so "]]>" cannot occur inside one; a layout
 * change fails here loudly rather than mislabelling a title.
 */
function withAtomLanguages(xml: string, locale: Locale, titleLanguages: Map<string, string>): string {
  if (!xml.includes(ATOM_ROOT)) throw new Error("Atom feed layout changed: no <feed> root to mark.");
  let marked = 0;
  const body = xml
    .replace(ATOM_ROOT, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`)
    .replace(ATOM_ENTRY_TITLE, (whole, cdata: string, space: string, id: string) => {
      const lang = titleLanguages.get(id);
      if (!lang) return whole;
      marked += 1;
      return `<title type="html" xml:lang="${lang}">${cdata}</title>${space}<id>urn:parley:development:${id}</id>`;
    });
  if (marked !== titleLanguages.size) throw new Error("Atom feed layout changed: entry titles not found.");
  return body;
}

/**
 * Text stored before XML-forbidden characters were refused (a correction note with
 * U+000B, append-only) must not break the feed: they are removed from the whole
 * document, which cannot change its markup since none of them is markup.
 */
export function feedResponse(body: string, type: FeedFormat, locale: Locale = "en"): Response {
  return new Response(stripXmlForbidden(body), {
    headers: {
      "Content-Type": type === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=60, stale-while-revalidate=300",
      "Access-Control-Allow-Origin": "*",
      // The language of the feed (its texts may still be partly English: marked inside).
      "Content-Language": locale,
    },
  });
}
