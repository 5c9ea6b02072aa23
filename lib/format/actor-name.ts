import type { ActorRef } from "@/lib/data/reader/types";

/**
 * An actor's name for a page's language. The Arabic name comes from the actor's Arabic alias
 * (ActorAlias with language "ar") once the data layer adds it to ActorRef as `arabicName`; until
 * then, and for actors without one, the stored (English) name.
 */
export function actorName(
  actor: Pick<ActorRef, "name" | "shortName"> & { arabicName?: string | null; localized?: ActorRef["localized"] },
  locale: string,
  short = true,
): { text: string; lang: string } {
  if (locale === "ar" && actor.arabicName) return { text: actor.arabicName, lang: "ar" };
  if (locale === "ar" && actor.localized?.name.lang === "ar") return actor.localized.name;
  return { text: short ? (actor.shortName ?? actor.name) : actor.name, lang: "en" };
}
