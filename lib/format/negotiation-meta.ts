import type { NegotiationView } from "@/lib/data/reader/types";
import { stageLabels, termsStatusLabels } from "./labels";
import { termsOneLiner } from "./terms";

/**
 * "61 civilians ↔ 30 security personnel (proposed)"; with several phases, one clause per
 * phase ("Phase 1: … (implemented); Phase 2: … (proposed)"). Null when no terms are published.
 */
export function currentTermsLine(negotiation: Pick<NegotiationView, "phases">): string | null {
  const phases = negotiation.phases.filter((p) => p.current);
  if (phases.length === 0) return null;
  return phases
    .map((phase) => {
      const current = phase.current!;
      const obligations = current.obligations
        .filter((o) => !o.withdrawn)
        .map((o) => ({ quantity: o.agreed, category: o.category, releasingActorId: o.releasing.slug }));
      const line = `${termsOneLiner(obligations)} (${termsStatusLabels[current.status].toLowerCase()})`;
      return phases.length > 1 && phase.name ? `${phase.name}: ${line}` : line;
    })
    .join("; ");
}

export function negotiationDescription(negotiation: NegotiationView): string {
  const terms = currentTermsLine(negotiation);
  return [`${stageLabels[negotiation.stage]}.`, terms ? `Terms: ${terms}.` : null, negotiation.summary]
    .filter(Boolean)
    .join(" ")
    .slice(0, 300);
}
