import type { DevelopmentView, NegotiationView } from "@/lib/data/reader/types";
import { negotiationDescription } from "@/lib/format/negotiation-meta";
import { transferSentence } from "@/lib/format/transfer";

/** schema.org LiveBlogPosting: a running, sourced record with each development as an update. */
export function NewsJsonLd({
  negotiation,
  developments,
  url,
  inLanguage,
  contentLanguage,
}: {
  negotiation: NegotiationView;
  developments: DevelopmentView[];
  url: string;
  /** The page's language (en, ar). */
  inLanguage: string;
  /** The language the development texts are written in, until each has its translation. */
  contentLanguage: string;
}) {
  const data = {
    "@context": "https://schema.org",
    "@type": "LiveBlogPosting",
    headline: negotiation.title,
    description: negotiationDescription(negotiation),
    url,
    inLanguage,
    datePublished: negotiation.publishedAt ?? negotiation.updatedAt,
    dateModified: negotiation.updatedAt,
    about: {
      "@type": "Event",
      name: negotiation.title,
      location: { "@type": "Place", name: `${negotiation.region}, ${negotiation.country}` },
    },
    publisher: { "@type": "Organization", name: "Parley" },
    liveBlogUpdate: developments.map((d) => ({
      "@type": "BlogPosting",
      inLanguage: contentLanguage,
      headline: d.title,
      articleBody: [d.summary, ...d.transfers.map((t) => `${transferSentence(t)}.`)].join(" "),
      datePublished: d.publishedAt ?? d.updatedAt,
      dateModified: d.updatedAt,
      url: `${url}#development-${d.id}`,
    })),
  };
  // "<" is escaped so no text in the data can close the script element.
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
