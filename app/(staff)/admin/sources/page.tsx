import type { Metadata } from "next";
import Link from "next/link";
import { ReliabilityBadge } from "@/components/reader/reliability-badge";
import { Forbidden } from "@/components/staff/forbidden";
import { Badge } from "@/components/ui/badge";
import { pageAccess } from "@/lib/auth/page-access";
import { listSourcesForAdmin } from "@/lib/data/admin/sources";
import { sourceKindLabels, sourceStatusLabels } from "@/lib/format/labels";
import { reliabilityRatings, sourceKinds, sourceStatuses } from "@/lib/validation/enums";
import { sourceListSchema } from "@/lib/validation/source";

export const metadata: Metadata = { title: "Sources", robots: { index: false } };

const selectClass =
  "rounded border border-stone-300 bg-white px-2 py-2 text-sm dark:border-stone-600 dark:bg-stone-900";

export default async function SourcesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { allowed } = await pageAccess("admin", "/admin/sources");
  if (!allowed) return <Forbidden what="Sources are managed by admins." />;
  const query = sourceListSchema.parse(await searchParams);
  const { rows, total, pageCount } = await listSourcesForAdmin(query);
  const pageHref = (page: number) => {
    const params = new URLSearchParams(
      Object.entries({ ...query, page: String(page) }).filter(([, v]) => v !== undefined && v !== "") as Array<
        [string, string]
      >,
    );
    return `/admin/sources?${params}`;
  };
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-3xl font-bold">Sources</h1>
        <Link
          href="/admin/sources/new"
          className="rounded bg-ink px-4 py-2 text-sm font-medium text-white dark:bg-stone-100 dark:text-stone-900"
        >
          New source
        </Link>
      </div>
      <form role="search" action="/admin/sources" className="mt-4 flex flex-wrap items-end gap-2">
        <label className="grid gap-1 text-sm">
          Name
          <input type="search" name="q" defaultValue={query.q} className={selectClass} />
        </label>
        <label className="grid gap-1 text-sm">
          Kind
          <select name="kind" defaultValue={query.kind ?? ""} className={selectClass}>
            <option value="">Any</option>
            {sourceKinds.map((kind) => (
              <option key={kind} value={kind}>
                {sourceKindLabels[kind]}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1 text-sm">
          Rating
          <select name="rating" defaultValue={query.rating ?? ""} className={selectClass}>
            <option value="">Any</option>
            {reliabilityRatings.map((rating) => (
              <option key={rating} value={rating}>
                {rating}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1 text-sm">
          Status
          <select name="status" defaultValue={query.status ?? ""} className={selectClass}>
            <option value="">Any</option>
            {sourceStatuses.map((status) => (
              <option key={status} value={status}>
                {sourceStatusLabels[status]}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1 text-sm">
          Sort by
          <select name="sort" defaultValue={query.sort} className={selectClass}>
            <option value="name">Name</option>
            <option value="updated">Recently updated</option>
            <option value="rating">Rating</option>
            <option value="citations">Most cited</option>
          </select>
        </label>
        <button
          type="submit"
          className="rounded bg-ink px-4 py-2 text-sm text-white dark:bg-stone-100 dark:text-stone-900"
        >
          Filter
        </button>
        <Link href="/admin/sources?status=PROPOSED" className="text-sm underline">
          Review queue
        </Link>
      </form>
      <p className="mt-4 text-sm">
        {total} source{total === 1 ? "" : "s"}
      </p>
      <div className="mt-2 overflow-x-auto">
        <table className="stack-on-phone w-full text-left text-sm">
          <caption className="sr-only">Sources</caption>
          <thead className="border-b border-stone-300 dark:border-stone-700">
            <tr>
              <th scope="col" className="py-2 pr-3">
                Name
              </th>
              <th scope="col" className="py-2 pr-3">
                Kind
              </th>
              <th scope="col" className="py-2 pr-3">
                Rating
              </th>
              <th scope="col" className="py-2 pr-3">
                Status
              </th>
              <th scope="col" className="py-2">
                Citations
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((source) => (
              <tr key={source.id} className="border-b border-stone-200 dark:border-stone-800" data-testid="source-row">
                <td data-label="Name" className="py-2 pr-3">
                  <Link href={`/admin/sources/${source.id}`} className="underline" dir="auto">
                    {source.name}
                  </Link>
                  {source.mergedInto ? (
                    <span className="text-stone-600 dark:text-stone-400"> → merged into {source.mergedInto.name}</span>
                  ) : null}
                </td>
                <td data-label="Kind" className="py-2 pr-3">
                  {sourceKindLabels[source.kind]}
                </td>
                <td data-label="Rating" className="py-2 pr-3">
                  <ReliabilityBadge rating={source.reliability} />
                </td>
                <td data-label="Status" className="py-2 pr-3">
                  {source.status === "PROPOSED" ? (
                    <Badge tone="live">Proposed</Badge>
                  ) : source.status === "ARCHIVED" ? (
                    <Badge>Archived</Badge>
                  ) : (
                    <Badge tone="done">Active</Badge>
                  )}
                </td>
                <td data-label="Citations" className="py-2">
                  {source._count.citations + source._count.relayed}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pageCount > 1 ? (
        <nav aria-label="Source pages" className="mt-3 flex justify-between text-sm">
          {query.page > 1 ? (
            <Link href={pageHref(query.page - 1)} className="underline">
              ← Previous
            </Link>
          ) : (
            <span />
          )}
          <span>
            Page {query.page} of {pageCount}
          </span>
          {query.page < pageCount ? (
            <Link href={pageHref(query.page + 1)} className="underline">
              Next →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
