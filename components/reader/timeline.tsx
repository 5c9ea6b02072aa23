import { Link } from "@/i18n/navigation";
import type { TimelinePage } from "@/lib/data/reader/types";
import { DevelopmentItem } from "./development-item";

function pageHref(slug: string, order: TimelinePage["order"], page: number) {
  const params = new URLSearchParams();
  if (order === "oldest") params.set("order", "oldest");
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return `/negotiations/${slug}${query ? `?${query}` : ""}#timeline`;
}

/** Published developments, one page at a time, with an order toggle that needs no JavaScript. */
export function Timeline({ slug, timeline }: { slug: string; timeline: TimelinePage }) {
  const other = timeline.order === "newest" ? "oldest" : "newest";
  return (
    <section aria-labelledby="timeline" className="scroll-mt-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="timeline" className="font-serif text-xl font-semibold">
          Timeline
        </h2>
        <p className="text-sm">
          {timeline.total} development{timeline.total === 1 ? "" : "s"}, {timeline.order} first ·{" "}
          <Link href={pageHref(slug, other, 1)} className="underline">
            Show {other} first
          </Link>
        </p>
      </div>
      {timeline.items.length === 0 ? (
        <p className="mt-3 text-stone-700 dark:text-stone-300">No developments have been published yet.</p>
      ) : (
        <ol className="mt-4" aria-label={`Developments, ${timeline.order} first`}>
          {timeline.items.map((development) => (
            <DevelopmentItem key={development.id} development={development} />
          ))}
        </ol>
      )}
      {timeline.pageCount > 1 ? (
        <nav aria-label="Timeline pages" className="mt-2 flex items-center justify-between text-sm">
          {timeline.page > 1 ? (
            <Link href={pageHref(slug, timeline.order, timeline.page - 1)} rel="prev" className="underline">
              ← Previous page
            </Link>
          ) : (
            <span />
          )}
          <span>
            Page {timeline.page} of {timeline.pageCount}
          </span>
          {timeline.page < timeline.pageCount ? (
            <Link href={pageHref(slug, timeline.order, timeline.page + 1)} rel="next" className="underline">
              Next page →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </section>
  );
}
