import type { NegotiationView } from "@/lib/data/reader/types";
import { stageLabels, termsStatusLabels } from "./labels";
import { termsOneLiner } from "./terms";

/** "61 civilians ↔ 30 security personnel (proposed)", or null when no terms are published. */
export function currentTermsLine(negotiation: Pick<NegotiationView, "termsVersions">): string | null {
  const current = negotiation.termsVersions[0];
  if (!current) return null;
  const items = current.items.map((item) => ({ ...item, releasingActorId: item.releasing.slug }));
  return `${termsOneLiner(items)} (${termsStatusLabels[current.status].toLowerCase()})`;
}

export function negotiationDescription(negotiation: NegotiationView): string {
  const terms = currentTermsLine(negotiation);
  return [`${stageLabels[negotiation.stage]}.`, terms ? `Terms: ${terms}.` : null, negotiation.summary]
    .filter(Boolean)
    .join(" ")
    .slice(0, 300);
}
