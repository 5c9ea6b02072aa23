import type { DevelopmentView, NegotiationView } from "@/lib/data/reader/types";
import { isLocale, type Locale } from "@/i18n/routing";
import { embedTranslator } from "@/lib/embed";
import { negotiationDescription } from "@/lib/format/negotiation-meta";
import { transferSentence } from "@/lib/format/transfer";

type Props = {
  negotiation: NegotiationView;
  developments: DevelopmentView[];
  url: string;
  /** The page's language (en, ar). */
  inLanguage: string;
  /** Unused: each text now says its own language (`localized`); kept so callers need not change. */
  contentLanguage?: string;
};

/**
 * schema.org LiveBlogPosting: a running, sourced record with each development as an update.
 * Headlines and descriptions are in the page's language where translated; each update names the
 * language its own text is in (an item published before its translation stays English, and says so).
 */
export function newsJsonLdData({ negotiation, developments, url, inLanguage }: Props) {
  const locale: Locale = isLocale(inLanguage) ? inLanguage : "en";
  const title = negotiation.localized.title;
  return {
    "@context": "https://schema.org",
    "@type": "LiveBlogPosting",
    headline: title.text,
    description: locale === "en" ? negotiationDescription(negotiation) : localDescription(negotiation, locale),
    url,
    inLanguage: locale,
    datePublished: negotiation.publishedAt ?? negotiation.updatedAt,
    dateModified: negotiation.updatedAt,
    about: {
      "@type": "Event",
      name: title.text,
      location: { "@type": "Place", name: `${negotiation.region}, ${negotiation.country}` },
    },
    publisher: { "@type": "Organization", name: "Parley" },
    liveBlogUpdate: developments.map((d) => {
      const { title: headline, summary } = d.localized;
      // The transfer sentences are generated in English: they join an English body only.
      const english = summary.lang === "en";
      return {
        "@type": "BlogPosting",
        inLanguage: headline.lang === summary.lang ? summary.lang : locale,
        headline: headline.text,
        articleBody: [summary.text, ...(english ? d.transfers.map((t) => `${transferSentence(t)}.`) : [])].join(" "),
        datePublished: d.publishedAt ?? d.updatedAt,
        dateModified: d.updatedAt,
        url: `${url}#development-${d.id}`,
      };
    }),
  };
}

/** The stage in the page's language, then the summary where it has been translated (the terms line is English wording). */
function localDescription(negotiation: NegotiationView, locale: Locale): string {
  const t = embedTranslator(locale);
  const summary = negotiation.localized.summary;
  return [`${t(`stage.${negotiation.stage}`)}.`, summary.lang === locale ? summary.text : null]
    .filter(Boolean)
    .join(" ")
    .slice(0, 300);
}

export function NewsJsonLd(props: Props) {
  // "<" is escaped so no text in the data can close the script element.
  const json = JSON.stringify(newsJsonLdData(props)).replace(/</g, "\\u003c");
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
