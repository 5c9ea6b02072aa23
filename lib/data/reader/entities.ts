import "server-only";
import { db } from "@/lib/db/client";
import { cachedReader, readerTags } from "./cache";
import { iso } from "./map";
import { publicActorWhere, publicRow, publicSourceSelect } from "./public-selects";
import type { ContentLocale, LocalizedText } from "@/lib/translations/fields";
import { loadLocalizer } from "./localize";
import type { ActorRef, PublicSource } from "./types";
import type { DatePrecision, ParticipationRole, Stage } from "@/lib/generated/prisma/enums";

export type ActorPage = ActorRef & {
  country: string | null;
  description: string;
  aliases: Array<{ name: string; language: string }>;
  parent: ActorRef | null;
  children: ActorRef[];
  negotiations: Array<{
    slug: string;
    title: string;
    localized: { title: LocalizedText };
    stage: Stage;
    roles: ParticipationRole[];
    updatedAt: string;
  }>;
  /** The actor's name in the requested language (its Arabic alternate name where recorded). */
  localized: { name: LocalizedText };
};

async function loadActor(slug: string, locale: ContentLocale): Promise<ActorPage | null> {
  const actor = await db().actor.findFirst({
    where: { slug, ...publicActorWhere },
    select: {
      slug: true,
      name: true,
      shortName: true,
      kind: true,
      country: true,
      description: true,
      aliases: { orderBy: { name: "asc" }, select: { name: true, language: true } },
      parent: { select: { id: true, slug: true, name: true, shortName: true, kind: true } },
      children: {
        where: publicActorWhere,
        orderBy: { name: "asc" },
        select: { slug: true, name: true, shortName: true, kind: true },
      },
      participations: {
        where: { archivedAt: null, negotiation: publicRow },
        select: {
          role: true,
          negotiation: { select: { id: true, slug: true, title: true, stage: true, updatedAt: true } },
        },
      },
    },
  });
  if (!actor) return null;
  // A to-one relation cannot be filtered in the select: the parent is checked on its own.
  const { id: parentId, ...parent } = actor.parent ?? { id: null };
  const parentIsPublic =
    parentId !== null && (await db().actor.count({ where: { id: parentId, ...publicActorWhere } })) > 0;
  const l = await loadLocalizer(
    locale,
    actor.participations.map((p) => p.negotiation.id),
    [actor.slug],
  );
  const bySlug = new Map<string, ActorPage["negotiations"][number]>();
  for (const { role, negotiation } of actor.participations) {
    const entry = bySlug.get(negotiation.slug) ?? {
      slug: negotiation.slug,
      title: negotiation.title,
      localized: { title: l.text("NEGOTIATION_TITLE", negotiation.id, negotiation.title) },
      stage: negotiation.stage,
      roles: [],
      updatedAt: iso(negotiation.updatedAt),
    };
    entry.roles.push(role);
    bySlug.set(negotiation.slug, entry);
  }
  return {
    slug: actor.slug,
    name: actor.name,
    shortName: actor.shortName,
    kind: actor.kind,
    country: actor.country,
    description: actor.description,
    aliases: actor.aliases,
    parent: parentIsPublic && "slug" in parent ? parent : null,
    children: actor.children,
    negotiations: [...bySlug.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    localized: { name: l.actorName(actor.slug, actor.name) },
  };
}

const cachedActor = cachedReader("actor", loadActor, (slug) => [readerTags.list, readerTags.actor(slug)]);

/** A public actor's page in `locale` (English by default); null when readers may not see it. */
export function getPublicActor(slug: string, locale: ContentLocale = "en"): Promise<ActorPage | null> {
  return cachedActor(slug, locale);
}

export const SOURCE_CITATIONS_LIMIT = 50;

export type SourcePage = PublicSource & {
  /** The public description in the requested language (English, lang "en", when untranslated). */
  localized: { publicDescription: LocalizedText };
  /** Set when this source was merged into another: readers are redirected there. */
  mergedInto: string | null;
  citedIn: Array<{
    developmentId: string;
    title: string;
    localized: { title: LocalizedText };
    occurredOn: string;
    occurredPrecision: DatePrecision;
    negotiation: { slug: string; title: string; localized: { title: LocalizedText } };
    asVia: boolean;
  }>;
  citedInTotal: number;
};

async function loadSource(slug: string, locale: ContentLocale): Promise<SourcePage | null> {
  const source = await db().source.findFirst({
    where: { slug, status: { not: "PROPOSED" } },
    select: { ...publicSourceSelect, id: true, mergedInto: { select: { slug: true } } },
  });
  if (!source) return null;
  const where = {
    development: { ...publicRow, negotiation: publicRow },
    OR: [{ sourceId: source.id }, { viaSourceId: source.id }],
  };
  const [citations, citedInTotal] = await Promise.all([
    db().citation.findMany({
      where,
      orderBy: [{ development: { occurredOn: "desc" } }, { id: "asc" }],
      take: SOURCE_CITATIONS_LIMIT,
      select: {
        viaSourceId: true,
        development: {
          select: {
            id: true,
            title: true,
            occurredOn: true,
            occurredPrecision: true,
            negotiation: { select: { id: true, slug: true, title: true } },
          },
        },
      },
    }),
    db().citation.count({ where }),
  ]);
  const { id, mergedInto, ...publicFields } = source;
  const l = await loadLocalizer(locale, [
    id,
    ...citations.flatMap((c) => [c.development!.id, c.development!.negotiation.id]),
  ]);
  return {
    ...publicFields,
    localized: { publicDescription: l.text("SOURCE_DESCRIPTION", id, publicFields.publicDescription) },
    mergedInto: mergedInto?.slug ?? null,
    citedIn: citations.map((c) => ({
      developmentId: c.development!.id,
      title: c.development!.title,
      localized: { title: l.text("DEVELOPMENT_TITLE", c.development!.id, c.development!.title) },
      occurredOn: iso(c.development!.occurredOn),
      occurredPrecision: c.development!.occurredPrecision,
      negotiation: {
        slug: c.development!.negotiation.slug,
        title: c.development!.negotiation.title,
        localized: {
          title: l.text("NEGOTIATION_TITLE", c.development!.negotiation.id, c.development!.negotiation.title),
        },
      },
      asVia: c.viaSourceId === id,
    })),
    citedInTotal,
  };
}

const cachedSource = cachedReader("source", loadSource, (slug) => [readerTags.list, readerTags.source(slug)]);

/** A source's public page in `locale` (English by default); null for proposed and unknown sources. */
export function getPublicSource(slug: string, locale: ContentLocale = "en"): Promise<SourcePage | null> {
  return cachedSource(slug, locale);
}
