import Link from "next/link";
import { connection } from "next/server";
import { NegotiationCard } from "@/components/negotiations/negotiation-card";
import { listPublishedNegotiations, type NegotiationListFilter } from "@/lib/data/negotiations";

const filters: Array<{ value: NegotiationListFilter; label: string }> = [
  { value: "all", label: "All" },
  { value: "active", label: "Active" },
  { value: "concluded", label: "Concluded" },
];

function parseFilter(value: string | string[] | undefined): NegotiationListFilter {
  return filters.some((f) => f.value === value) ? (value as NegotiationListFilter) : "all";
}

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const filter = parseFilter((await searchParams).show);
  const negotiations = await listPublishedNegotiations(filter);
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Prisoner-exchange negotiations</h1>
      <p className="mt-2 max-w-2xl text-stone-700 dark:text-stone-300">
        Who is exchanging whom, how many, where the talks stand — and the sources behind each fact.
      </p>
      <nav aria-label="Filter negotiations" className="mt-6">
        <ul className="flex gap-2 text-sm">
          {filters.map((f) => (
            <li key={f.value}>
              <Link
                href={f.value === "all" ? "/" : `/?show=${f.value}`}
                aria-current={f.value === filter ? "page" : undefined}
                className="rounded-full px-3 py-1 ring-1 ring-stone-300 hover:bg-stone-100 aria-[current=page]:bg-ink aria-[current=page]:text-white dark:ring-stone-700 dark:hover:bg-stone-800"
              >
                {f.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {negotiations.length === 0 ? (
        <p className="mt-8 text-stone-600 dark:text-stone-400">No {filter === "all" ? "" : `${filter} `}negotiations are published yet.</p>
      ) : (
        <ul className="mt-6 grid gap-4">
          {negotiations.map((negotiation) => (
            <li key={negotiation.slug}>
              <NegotiationCard negotiation={negotiation} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
