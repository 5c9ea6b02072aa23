import type { KeyEvent } from "@/lib/data/reader/key-events";
import { developmentAnchor } from "./development-item";
import { PartialDate } from "./partial-date";

/** Every visible string of this component, in one place for translation. */
const STRINGS = {
  heading: "Key events",
  intro: "Marked by our editors; each links to its entry in the timeline.",
};

/** Where a key event's timeline entry is: its page of the newest-first timeline, then its anchor. */
export function keyEventHref(slug: string, event: Pick<KeyEvent, "id" | "timelinePage">) {
  const page = event.timelinePage > 1 ? `?page=${event.timelinePage}` : "";
  return `/negotiations/${slug}${page}#${developmentAnchor(event.id)}`;
}

/**
 * The developments editors marked as key, oldest first, near the top of the page (as live
 * pages pin them). Plain links: no client script, no prefetch.
 */
export function KeyEvents({ slug, events }: { slug: string; events: KeyEvent[] }) {
  if (events.length === 0) return null;
  return (
    <section
      aria-labelledby="key-events-heading"
      className="rounded-lg border-s-4 border-amber-600 bg-amber-50 py-3 ps-4 pe-3 dark:border-amber-400 dark:bg-stone-900"
      data-testid="key-events"
    >
      <h2 id="key-events-heading" className="font-serif text-lg font-semibold">
        {STRINGS.heading}
      </h2>
      <p className="text-sm text-stone-700 dark:text-stone-300">{STRINGS.intro}</p>
      <ol className="mt-2 grid gap-1">
        {events.map((event) => (
          <li key={event.id} className="flex flex-wrap gap-x-3">
            <span className="min-w-28 text-sm text-stone-700 tabular-nums dark:text-stone-300">
              <PartialDate iso={event.occurredOn} precision={event.occurredPrecision} />
            </span>
            <a href={keyEventHref(slug, event)} className="font-medium underline" dir="auto">
              {event.title}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
