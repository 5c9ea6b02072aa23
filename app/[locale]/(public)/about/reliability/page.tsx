import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentLocale, pageAlternates } from "@/i18n/server";
import { ReliabilityBadge } from "@/components/reader/reliability-badge";
import { reliabilityLabels } from "@/lib/format/labels";
import type { Reliability } from "@/lib/generated/prisma/enums";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reliabilityPage");
  return { title: t("title"), alternates: pageAlternates(await currentLocale(), "/about/reliability") };
}

export default function ReliabilityScalePage() {
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">How we rate sources</h1>
      <p className="mt-3 max-w-3xl">
        Parley rates each source on an A–F scale adapted from the Admiralty system used in intelligence and open-source
        investigation. The rating describes the source&apos;s track record, not whether a single claim is true; claims
        are judged by how many independent sources support them.
      </p>
      <dl className="mt-6 grid gap-3">
        {(Object.keys(reliabilityLabels) as Reliability[]).map((rating) => (
          <div key={rating} id={`rating-${rating}`} className="flex scroll-mt-4 gap-3">
            <dt>
              <ReliabilityBadge rating={rating} />
            </dt>
            <dd>{reliabilityLabels[rating].meaning}</dd>
          </div>
        ))}
      </dl>
      <h2 id="single-anonymous-source" className="mt-8 scroll-mt-4 font-serif text-xl font-semibold">
        Single anonymous source
      </h2>
      <p className="mt-2 max-w-3xl">
        Shown when everything Parley has for a claim comes from one source who is not named. An outlet that relays that
        source (&ldquo;a source told AFP&rdquo;) is not a second source: it repeats the first.
      </p>
      <h2 id="unconfirmed" className="mt-6 scroll-mt-4 font-serif text-xl font-semibold">
        Unconfirmed by either side
      </h2>
      <p className="mt-2 max-w-3xl">
        Shown when no source cited for the terms is a statement by a government or an armed group, the ways in which the
        sides to a negotiation confirm what they have agreed.
      </p>
    </>
  );
}
