import { Link } from "@/i18n/navigation";
import type { PublicCitation, PublicSource } from "@/lib/data/reader/types";
import { formatPartialDate } from "@/lib/dates";
import { citationPhrase } from "@/lib/format/citation";
import { sourceKindLabels } from "@/lib/format/labels";
import { ReliabilityBadge } from "./reliability-badge";

function SourceLine({ source, role }: { source: PublicSource; role: string }) {
  return (
    <li>
      <span className="text-stone-600 dark:text-stone-400">{role}: </span>
      <Link href={`/sources/${source.slug}`} prefetch={false} className="underline" dir="auto">
        {source.name}
      </Link>{" "}
      <ReliabilityBadge rating={source.reliability} />{" "}
      <span className="text-stone-600 dark:text-stone-400">
        ({sourceKindLabels[source.kind].toLowerCase()})
        {source.publicDescription ? ` — ${source.publicDescription}` : ""}
      </span>
    </li>
  );
}

/** Each citation in journalistic form, with its sources' public descriptions and ratings. */
export function CitationList({ citations }: { citations: PublicCitation[] }) {
  if (citations.length === 0) return <p className="text-sm text-stone-600 dark:text-stone-400">No sources cited.</p>;
  return (
    <ol className="grid gap-3 text-sm">
      {citations.map((citation) => (
        <li key={citation.id} className="border-s-2 border-stone-300 ps-3 dark:border-stone-700">
          <p dir="auto">
            <span className="font-medium">{capitalise(citationPhrase(citation))}</span>
            {citation.publishedOn ? (
              <span className="text-stone-600 dark:text-stone-400">
                {" "}
                ({formatPartialDate(new Date(citation.publishedOn), "DAY")})
              </span>
            ) : null}
            {citation.url ? (
              <>
                {" · "}
                <a href={citation.url} className="underline" rel="noopener noreferrer nofollow" target="_blank">
                  original report<span className="sr-only"> (opens in a new tab)</span>
                </a>
              </>
            ) : null}
            {citation.archivedCopy ? (
              <>
                {" · "}
                <a href={citation.archivedCopy.url} className="underline" rel="noopener noreferrer nofollow">
                  archived copy
                </a>
              </>
            ) : null}
          </p>
          {citation.excerpt ? (
            <blockquote className="mt-1 italic text-stone-700 dark:text-stone-300" dir="auto">
              “{citation.excerpt}”
            </blockquote>
          ) : null}
          <ul className="mt-1 grid gap-0.5">
            <SourceLine source={citation.source} role="Source" />
            {citation.via ? <SourceLine source={citation.via} role="Reported by" /> : null}
          </ul>
        </li>
      ))}
    </ol>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Citations one click away: a native disclosure, no client JavaScript. */
export function CitationDisclosure({
  citations,
  label = "Sources",
  about,
}: {
  citations: PublicCitation[];
  label?: string;
  /** What the sources are for, added to the name screen readers hear, so a page of disclosures is not all "Sources (1)". */
  about?: string;
}) {
  return (
    <details className="mt-2 group">
      <summary className="cursor-pointer text-sm text-blue-800 underline dark:text-blue-300">
        {label}
        {about ? <span className="sr-only"> for {about}</span> : null} ({citations.length})
      </summary>
      <div className="mt-2">
        <CitationList citations={citations} />
      </div>
    </details>
  );
}
