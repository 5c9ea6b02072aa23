import type { ActorRef, NegotiationView, ObligationView, SideView } from "@/lib/data/reader/types";
import { reliabilityLabels } from "./labels";
import type { Confidence } from "./confidence";

export const actorShortName = (actor: ActorRef) => actor.shortName ?? actor.name;
export const sideName = (side: SideView) => side.label ?? actorShortName(side.actor);

export type Direction = {
  releasing: ActorRef;
  receiving: ActorRef;
  /** In English; `obligations` lets a page word it in its own language (lib/format/reader-words.ts). */
  what: string;
  obligations: ObligationView[];
};

/**
 * "Damascus → 61 civilians → Hijri": one side's current, not withdrawn obligations over every
 * phase, one line per receiver. Page, embed and share image say it the same way.
 */
export function sideDirections(negotiation: Pick<NegotiationView, "phases">, side: SideView): Direction[] {
  const own = negotiation.phases
    .flatMap((p) => p.current?.obligations ?? [])
    .filter((o) => o.releasing.slug === side.actor.slug && !o.withdrawn);
  const receivers = [...new Map(own.map((o) => [o.receiving.slug, o.receiving])).values()];
  return receivers.map((receiving) => {
    const obligations = own.filter((o) => o.receiving.slug === receiving.slug);
    return { releasing: side.actor, receiving, what: obligations.map((o) => o.text).join(", "), obligations };
  });
}

export const directionText = (d: Direction) =>
  `${actorShortName(d.releasing)} → ${d.what} → ${actorShortName(d.receiving)}`;

/** The confidence marks as plain words, for the embed and share image. */
export function confidenceWords({ singleAnonymousSource, unconfirmedBySides, lowestRating }: Confidence): string[] {
  return [
    ...(singleAnonymousSource ? ["Single anonymous source"] : []),
    ...(unconfirmedBySides ? ["Unconfirmed by either side"] : []),
    ...(lowestRating
      ? [
          `Weakest source rating: ${lowestRating}, ${reliabilityLabels[lowestRating].meaning.split(":")[0]!.toLowerCase()}`,
        ]
      : []),
  ];
}
