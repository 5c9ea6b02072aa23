import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { TermsItemView, TermsVersionView } from "@/lib/data/reader/types";
import { categoryLabels, termsStatusLabels } from "@/lib/format/labels";
import { formatCount } from "@/lib/format/terms";
import { CitationDisclosure } from "./citation-list";
import { PartialDate } from "./partial-date";
import { ProgressBar } from "./progress-bar";

function ActorLink({ actor }: { actor: TermsItemView["releasing"] }) {
  return (
    <Link href={`/actors/${actor.slug}`} className="underline decoration-stone-400" dir="auto">
      {actor.shortName ?? actor.name}
    </Link>
  );
}

function TermsItem({ item }: { item: TermsItemView }) {
  const noun = item.countExact === 1 ? categoryLabels[item.category].one : categoryLabels[item.category].many;
  return (
    <li className="rounded-md border border-stone-200 p-4 dark:border-stone-700" data-testid="terms-item">
      <p className="text-sm text-stone-600 dark:text-stone-400">
        <ActorLink actor={item.releasing} /> releases to <ActorLink actor={item.receiving} />
      </p>
      <p className="mt-1">
        <span className="font-serif text-4xl font-bold tabular-nums" data-testid="terms-count">
          {formatCount(item)}
        </span>{" "}
        <span className="text-lg font-medium">{noun}</span>
      </p>
      {item.description ? (
        <p className="mt-1 text-sm" dir="auto">
          {item.description}
        </p>
      ) : null}
      <div className="mt-3">
        {item.target !== null ? (
          <ProgressBar
            value={item.released}
            max={item.target}
            label={`${item.released} of ${formatCount(item)} released`}
          />
        ) : (
          <p className="text-xs text-stone-700 dark:text-stone-300">{item.released} released so far</p>
        )}
      </div>
    </li>
  );
}

/** The current terms at a glance: who releases whom, how many, and how far it has got. */
export function TermsCard({
  terms,
  headingId = "terms-heading",
}: {
  terms: TermsVersionView | undefined;
  headingId?: string;
}) {
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border-2 border-ink bg-white p-5 shadow-sm dark:border-stone-500 dark:bg-stone-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="font-serif text-xl font-semibold">
          Current terms
        </h2>
        {terms ? (
          <Badge
            tone={terms.status === "WITHDRAWN" ? "alert" : terms.status === "IMPLEMENTED" ? "done" : "live"}
            label="Status of the terms"
          >
            {termsStatusLabels[terms.status]}
          </Badge>
        ) : null}
      </div>
      {terms ? (
        <>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            Version {terms.number}
            {terms.phase ? ` (${terms.phase})` : ""}, {terms.proposedBy ? `proposed by ${terms.proposedBy.name}, ` : ""}
            <PartialDate iso={terms.proposedOn} precision={terms.proposedPrecision} />
          </p>
          <ul className="mt-4 grid gap-3 sm:grid-cols-2">
            {terms.items.map((item) => (
              <TermsItem key={item.id} item={item} />
            ))}
          </ul>
          {terms.summary ? (
            <p className="mt-3 text-sm" dir="auto">
              {terms.summary}
            </p>
          ) : null}
          <CitationDisclosure citations={terms.citations} label="Sources for these terms" />
        </>
      ) : (
        <p className="mt-2 text-stone-700 dark:text-stone-300">No terms have been reported yet.</p>
      )}
    </section>
  );
}
