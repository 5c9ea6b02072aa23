import Link from "next/link";
import type { NegotiationSummary } from "@/lib/data/negotiations";
import { termsStatusLabels } from "@/lib/format/labels";
import { PartialDate } from "@/components/reader/partial-date";
import { StageBadge } from "./stage-badge";

const updatedFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

export function NegotiationCard({ negotiation }: { negotiation: NegotiationSummary }) {
  const { terms } = negotiation;
  return (
    <article className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm dark:border-stone-800 dark:bg-stone-900">
      <div className="flex flex-wrap items-center gap-2">
        <StageBadge stage={negotiation.stage} />
        <span className="text-xs text-stone-600 dark:text-stone-400">
          {negotiation.region}, {negotiation.country}
        </span>
      </div>
      <h2 className="mt-2 font-serif text-xl font-semibold">
        <Link href={`/negotiations/${negotiation.slug}`} className="hover:underline">
          {negotiation.title}
        </Link>
      </h2>
      {terms ? (
        <p className="mt-2 text-lg font-medium" data-testid="terms-line">
          <span dir="auto">{terms.line}</span>{" "}
          {terms.status ? (
            <span className="text-sm font-normal text-stone-600 dark:text-stone-400">
              ({termsStatusLabels[terms.status].toLowerCase()})
            </span>
          ) : null}
        </p>
      ) : (
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">No terms reported yet.</p>
      )}
      {terms && terms.sides.length > 0 ? (
        <ul className="mt-1 text-sm" aria-label="Released by each side" data-testid="card-sides">
          {terms.sides.map((side) => (
            <li key={side.name} dir="auto">
              {side.name}: released {side.text}
            </li>
          ))}
        </ul>
      ) : null}
      <dl className="mt-3 grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-3">
        {negotiation.parties.length > 0 ? (
          <>
            <dt className="font-medium text-stone-600 dark:text-stone-400">Parties</dt>
            <dd dir="auto">{negotiation.parties.join(", ")}</dd>
          </>
        ) : null}
        {negotiation.mediators.length > 0 ? (
          <>
            <dt className="font-medium text-stone-600 dark:text-stone-400">
              Mediator{negotiation.mediators.length > 1 ? "s" : ""}
            </dt>
            <dd dir="auto">{negotiation.mediators.join(", ")}</dd>
          </>
        ) : null}
        {negotiation.latestDevelopment ? (
          <>
            <dt className="font-medium text-stone-600 dark:text-stone-400">Latest development</dt>
            <dd data-testid="card-latest-development">
              <PartialDate iso={negotiation.latestDevelopment.on} precision={negotiation.latestDevelopment.precision} />
            </dd>
          </>
        ) : null}
        <dt className="font-medium text-stone-600 dark:text-stone-400">Record edited</dt>
        <dd>
          <time dateTime={negotiation.updatedAt}>{updatedFormat.format(new Date(negotiation.updatedAt))}</time>
        </dd>
      </dl>
    </article>
  );
}
