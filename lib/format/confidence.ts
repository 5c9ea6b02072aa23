import type { PublicCitation } from "@/lib/data/reader/types";
import type { Reliability, SourceKind } from "@/lib/generated/prisma/enums";

/** Kinds of source through which a party to a negotiation speaks for itself. */
const PARTY_VOICE: readonly SourceKind[] = ["GOVERNMENT", "ARMED_GROUP"];

/** A to F: later letters are weaker ratings. */
const RATING_ORDER: readonly Reliability[] = ["A", "B", "C", "D", "E", "F"];

export type Confidence = {
  /** Every citation rests on one source, and that source is anonymous. */
  singleAnonymousSource: boolean;
  /** No citation comes from a government or armed-group statement, the ways a side confirms terms. */
  unconfirmedBySides: boolean;
  /** The weakest rating among the cited sources (the originating source, not the outlet relaying it). */
  lowestRating: Reliability | null;
  sourceCount: number;
};

/**
 * How sure readers can be of a set of terms, from their citations alone. A relaying outlet
 * ("via AFP") does not count as a second source: it repeats the first one.
 */
export function termsConfidence(citations: PublicCitation[]): Confidence {
  const sources = new Map(citations.map((c) => [c.source.slug, c.source]));
  const list = [...sources.values()];
  const lowestRating = list.reduce<Reliability | null>(
    (worst, s) =>
      worst === null || RATING_ORDER.indexOf(s.reliability) > RATING_ORDER.indexOf(worst) ? s.reliability : worst,
    null,
  );
  return {
    singleAnonymousSource: list.length === 1 && list[0]!.kind === "ANONYMOUS",
    unconfirmedBySides: list.length > 0 && !list.some((s) => PARTY_VOICE.includes(s.kind)),
    lowestRating,
    sourceCount: list.length,
  };
}

/** The anchor of a rating on the scale page. */
export const ratingAnchor = (rating: Reliability) => `/about/reliability#rating-${rating}`;
