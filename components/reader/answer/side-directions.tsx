import type { NegotiationView } from "@/lib/data/reader/types";
import { actorShortName as shortName, sideDirections, sideName as nameOf } from "@/lib/format/directions";
import { NoBreakName } from "../no-break-name";

/** One large counter per releasing side, under who it releases to whom. */
export function SideDirections({ negotiation }: { negotiation: NegotiationView }) {
  if (negotiation.sides.length === 0) return null;
  return (
    <ul className="grid gap-3 sm:grid-cols-2" aria-label="Who releases whom, and how many so far">
      {negotiation.sides.map((side) => {
        const sideName = nameOf(side);
        const percent = side.target ? Math.min(100, Math.round((side.releasedCount / side.target) * 100)) : 0;
        return (
          <li
            key={side.actor.slug}
            className="rounded-md border border-stone-300 p-3 dark:border-stone-600"
            data-testid="answer-side"
          >
            {sideDirections(negotiation, side).map(({ receiving, what }) => (
              <p
                key={receiving.slug}
                className="text-base font-semibold sm:text-lg"
                data-testid="answer-direction"
                dir="auto"
              >
                <NoBreakName name={shortName(side.actor)} /> <span aria-hidden="true">→</span>
                <span className="sr-only"> releases </span> {what} <span aria-hidden="true">→</span>
                <span className="sr-only"> to </span> <NoBreakName name={shortName(receiving)} />
              </p>
            ))}
            <p className="mt-1 flex flex-wrap items-baseline gap-x-2" data-testid="answer-total">
              <span className="font-serif text-4xl font-bold tabular-nums">
                {side.releasedCount.toLocaleString("en-GB")}
              </span>
              {side.target !== null ? (
                <span className="text-2xl font-semibold tabular-nums text-stone-700 dark:text-stone-300">
                  / {side.target.toLocaleString("en-GB")}
                </span>
              ) : null}
              <span className="text-sm text-stone-700 dark:text-stone-300">
                released by <NoBreakName name={sideName} />
                {side.target === null ? ` (${side.progressText})` : side.moreThanAgreed ? ", more than agreed" : ""}
              </span>
            </p>
            {side.target !== null ? (
              <div
                role="progressbar"
                aria-valuemin={0}
                aria-valuemax={side.target}
                aria-valuenow={side.releasedCount}
                aria-label={`${sideName} released ${side.progressText}`}
                className="mt-2 h-3 overflow-hidden rounded-full border border-stone-500 bg-stone-100 dark:border-stone-400 dark:bg-stone-800"
              >
                <div className="h-full bg-emerald-700 dark:bg-emerald-400" style={{ width: `${percent}%` }} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
