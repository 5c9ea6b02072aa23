import type { ActorRef, SideView } from "@/lib/data/reader/types";
import type { ContentLocale, LocalizedText } from "@/lib/translations/fields";
import { actorShortName } from "./directions";

/**
 * How a card names an actor in `locale`: its Arabic name (from the loaders' `localized.name`)
 * where one is recorded, else the short English name, marked English. English is unchanged.
 */
export function localizedActorName(actor: ActorRef, locale: ContentLocale): LocalizedText {
  const translated = actor.localized?.name;
  if (locale !== "en" && translated?.lang === locale) return translated;
  return { text: actorShortName(actor), lang: "en" };
}

/**
 * A releasing side in `locale`: the participation's label ("Damascus government") is English
 * editorial text with no translation, so an Arabic card names the side by its actor's Arabic name
 * where there is one, else keeps the English label.
 */
export function localizedSideName(side: SideView, locale: ContentLocale): LocalizedText {
  const actor = localizedActorName(side.actor, locale);
  if (locale !== "en" && actor.lang === locale) return actor;
  return { text: side.label ?? actor.text, lang: "en" };
}
