import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { notFound, permanentRedirect } from "next/navigation";
import { currentLocale, pageAlternates } from "@/i18n/server";
import { localePath } from "@/i18n/paths";
import { PartialDate } from "@/components/reader/partial-date";
import { ReliabilityBadge } from "@/components/reader/reliability-badge";
import { getPublicSource } from "@/lib/data/reader/entities";
import { reliabilityLabels, sourceKindLabels } from "@/lib/format/labels";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const source = await getPublicSource(slug);
  return source
    ? {
        title: source.name,
        description: source.publicDescription || sourceKindLabels[source.kind],
        alternates: pageAlternates(await currentLocale(), `/sources/${slug}`),
      }
    : { title: (await getTranslations("meta"))("notFound") };
}

/** The public side of a source only: confidential notes live elsewhere and are never loaded here. */
export default async function SourcePage({ params }: Props) {
  const source = await getPublicSource((await params).slug);
  if (!source) notFound();
  if (source.mergedInto) permanentRedirect(localePath(await currentLocale(), `/sources/${source.mergedInto}`));
  return (
    <>
      <p className="text-sm text-stone-600 dark:text-stone-400">{sourceKindLabels[source.kind]}</p>
      <h1 className="mt-1 font-serif text-3xl font-bold" dir="auto">
        {source.name}
      </h1>
      {source.publicDescription ? (
        <p className="mt-3 max-w-3xl" dir="auto">
          {source.publicDescription}
        </p>
      ) : null}
      <p className="mt-3">
        Reliability: <ReliabilityBadge rating={source.reliability} /> {reliabilityLabels[source.reliability].meaning}.{" "}
        <Link href="/about/reliability" className="text-sm underline">
          How we rate sources
        </Link>
      </p>
      {source.url ? (
        <p className="mt-1 text-sm">
          <a href={source.url} className="underline" rel="noopener noreferrer nofollow">
            {source.url}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="cited-in" className="mt-8">
        <h2 id="cited-in" className="font-serif text-xl font-semibold">
          Developments citing this source ({source.citedInTotal})
        </h2>
        {source.citedIn.length === 0 ? (
          <p className="mt-2">No published development cites this source yet.</p>
        ) : (
          <ul className="mt-3 grid gap-2">
            {source.citedIn.map((c, index) => (
              <li key={`${c.developmentId}-${index}`}>
                <PartialDate iso={c.occurredOn} precision={c.occurredPrecision} /> ·{" "}
                <Link href={`/negotiations/${c.negotiation.slug}#development-${c.developmentId}`} className="underline">
                  {c.title}
                </Link>{" "}
                <span className="text-sm text-stone-600 dark:text-stone-400">
                  ({c.negotiation.title}
                  {c.asVia ? "; as the outlet relaying another source" : ""})
                </span>
              </li>
            ))}
          </ul>
        )}
        {source.citedInTotal > source.citedIn.length ? (
          <p className="mt-2 text-sm">Showing the {source.citedIn.length} most recent.</p>
        ) : null}
      </section>
    </>
  );
}
