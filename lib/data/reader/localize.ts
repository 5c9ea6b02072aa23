import "server-only";
import { db } from "@/lib/db/client";
import type { ContentLocale, LocalizedText, TranslatableField } from "@/lib/translations/fields";

/**
 * Picks each editorial text in the reader's language. Policy (docs/translations.md): a stored
 * translation is shown even when its English original has changed since (outdated), because a
 * slightly stale Arabic text serves an Arabic reader better than English; staff see the outdated
 * state in the editor, readers do not. No translation: the English, marked `lang: "en"`.
 */
export type Localizer = {
  locale: ContentLocale;
  text(field: TranslatableField, entityId: string, original: string): LocalizedText;
  /** An actor's name: its Arabic alternate name (ActorAlias, language "ar") where one is recorded. */
  actorName(slug: string, name: string): LocalizedText;
};

export const english = (text: string): LocalizedText => ({ text, lang: "en" });

const ENGLISH: Localizer = {
  locale: "en",
  text: (_field, _id, original) => english(original),
  actorName: (_slug, name) => english(name),
};

/** Loads the translations of the given records (and Arabic names of the given actors) in one query each. */
export async function loadLocalizer(
  locale: ContentLocale,
  entityIds: Iterable<string>,
  actorSlugs: Iterable<string> = [],
): Promise<Localizer> {
  if (locale === "en") return ENGLISH;
  const ids = [...new Set(entityIds)];
  const slugs = [...new Set(actorSlugs)];
  const [translations, aliases] = await Promise.all([
    ids.length
      ? db().contentTranslation.findMany({
          where: { locale, entityId: { in: ids } },
          select: { field: true, entityId: true, text: true },
        })
      : [],
    slugs.length
      ? db().actorAlias.findMany({
          where: { language: locale, actor: { slug: { in: slugs } } },
          orderBy: [{ name: "asc" }],
          select: { name: true, actor: { select: { slug: true } } },
        })
      : [],
  ]);
  const texts = new Map(translations.map((t) => [`${t.field}:${t.entityId}`, t.text]));
  const names = new Map<string, string>();
  for (const alias of aliases) if (!names.has(alias.actor.slug)) names.set(alias.actor.slug, alias.name);
  return {
    locale,
    text(field, entityId, original) {
      // Nothing to say in English means nothing to say in Arabic either (an emptied summary).
      if (original.trim() === "") return english(original);
      const translated = texts.get(`${field}:${entityId}`);
      return translated ? { text: translated, lang: locale } : english(original);
    },
    actorName(slug, name) {
      const translated = names.get(slug);
      return translated ? { text: translated, lang: locale } : english(name);
    },
  };
}

type ActorLike = { slug: string; name: string; shortName: string | null; kind: string };

function isActorRef(value: object): value is ActorLike & { localized?: unknown } {
  return "slug" in value && "name" in value && "shortName" in value && "kind" in value;
}

/** Every actor reference inside a view, wherever the ledger put it (obligations, transfers, sides…). */
export function collectActorSlugs(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) collectActorSlugs(item, into);
  else if (value && typeof value === "object") {
    if (isActorRef(value)) into.add(value.slug);
    for (const inner of Object.values(value)) collectActorSlugs(inner, into);
  }
  return into;
}

/** Adds `localized.name` to every actor reference inside a freshly built (uncached, unshared) view. */
export function localizeActors<T>(value: T, localizer: Localizer): T {
  if (Array.isArray(value)) for (const item of value) localizeActors(item, localizer);
  else if (value && typeof value === "object") {
    if (isActorRef(value)) value.localized = { name: localizer.actorName(value.slug, value.name) };
    for (const inner of Object.values(value)) if (inner !== value) localizeActors(inner, localizer);
  }
  return value;
}
