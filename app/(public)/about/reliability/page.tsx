import type { Metadata } from "next";
import { ReliabilityBadge } from "@/components/reader/reliability-badge";
import { reliabilityLabels } from "@/lib/format/labels";
import type { Reliability } from "@/lib/generated/prisma/enums";

export const metadata: Metadata = { title: "How we rate sources" };

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
          <div key={rating} className="flex gap-3">
            <dt>
              <ReliabilityBadge rating={rating} />
            </dt>
            <dd>{reliabilityLabels[rating].meaning}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
