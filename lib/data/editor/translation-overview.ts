import "server-only";
import { requireAccess } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { TranslatableField, TranslationLocale } from "@/lib/translations/fields";
import { originalHash, translationState, type TranslationState } from "@/lib/translations/state";

/** One translatable text of a negotiation, with its translation (if any) and what state that is in. */
export type TranslationItem = {
  field: TranslatableField;
  entityId: string;
  /** Where the text appears, for the editor ("Development: Talks resumed"). */
  context: string;
  /** For a development's title, summary and corrections: the development, so its page can show them. */
  developmentId?: string;
  /** Whether readers can see the text now (a draft's missing translation is less urgent). */
  published: boolean;
  original: string;
  originalHash: string;
  translation: { text: string; version: number; updatedAt: string } | null;
  state: TranslationState;
};

export type TranslationOverview = {
  negotiation: { id: string; slug: string; title: string };
  locale: TranslationLocale;
  items: TranslationItem[];
  counts: Record<TranslationState, number>;
};

type Text = {
  field: TranslatableField;
  entityId: string;
  context: string;
  published: boolean;
  original: string;
  developmentId?: string;
};

/** Every translatable text of a negotiation as it reads now (archived developments and figures left out). */
async function negotiationTexts(
  negotiationId: string,
): Promise<{ negotiation: TranslationOverview["negotiation"]; texts: Text[] } | null> {
  const row = await db().negotiation.findUnique({
    where: { id: negotiationId },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      publication: true,
      developments: {
        where: { archivedAt: null },
        orderBy: [{ occurredOn: "desc" }, { id: "asc" }],
        select: {
          id: true,
          title: true,
          summary: true,
          publication: true,
          corrections: { orderBy: { correctedAt: "asc" }, select: { id: true, note: true } },
        },
      },
      obligations: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          category: true,
          releasingActor: { select: { name: true } },
          terms: {
            orderBy: { termsVersion: { number: "desc" } },
            take: 1,
            select: { description: true, termsVersion: { select: { publication: true, archivedAt: true } } },
          },
        },
      },
      figures: {
        where: { archivedAt: null },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { id: true, label: true, description: true, publication: true },
      },
    },
  });
  if (!row) return null;
  const live = row.publication === "PUBLISHED";
  const texts: Text[] = [
    { field: "NEGOTIATION_TITLE", entityId: row.id, context: "Negotiation", published: live, original: row.title },
    { field: "NEGOTIATION_SUMMARY", entityId: row.id, context: "Negotiation", published: live, original: row.summary },
  ];
  for (const d of row.developments) {
    const published = live && d.publication === "PUBLISHED";
    const context = `Development: ${d.title}`;
    const of = { context, published, developmentId: d.id };
    texts.push({ ...of, field: "DEVELOPMENT_TITLE", entityId: d.id, original: d.title });
    texts.push({ ...of, field: "DEVELOPMENT_SUMMARY", entityId: d.id, original: d.summary });
    for (const c of d.corrections) texts.push({ ...of, field: "CORRECTION_NOTE", entityId: c.id, original: c.note });
  }
  for (const o of row.obligations) {
    const term = o.terms[0];
    if (!term) continue;
    const published = live && term.termsVersion.publication === "PUBLISHED" && !term.termsVersion.archivedAt;
    const context = `Terms: ${o.releasingActor.name} releases ${o.category.toLowerCase().replace(/_/g, " ")}`;
    texts.push({ field: "OBLIGATION_DESCRIPTION", entityId: o.id, context, published, original: term.description });
  }
  for (const f of row.figures) {
    const published = live && f.publication === "PUBLISHED";
    const context = `Figure: ${f.label}`;
    texts.push({ field: "FIGURE_LABEL", entityId: f.id, context, published, original: f.label });
    texts.push({ field: "FIGURE_DESCRIPTION", entityId: f.id, context, published, original: f.description });
  }
  return { negotiation: { id: row.id, slug: row.slug, title: row.title }, texts };
}

/**
 * What is missing or outdated in one language for one negotiation: the editor's checklist.
 * Texts with an empty original ("not-needed") are left out of the list.
 */
export async function getTranslationOverview(
  negotiationId: string,
  locale: TranslationLocale = "ar",
): Promise<TranslationOverview> {
  await requireAccess("journalist");
  const found = await negotiationTexts(negotiationId);
  if (!found) throw new NotFoundError("That negotiation does not exist.");
  const stored = await db().contentTranslation.findMany({
    where: { locale, entityId: { in: [...new Set(found.texts.map((t) => t.entityId))] } },
    select: { field: true, entityId: true, text: true, version: true, originalHash: true, updatedAt: true },
  });
  const byKey = new Map(stored.map((s) => [`${s.field}:${s.entityId}`, s]));
  const counts: Record<TranslationState, number> = { current: 0, outdated: 0, missing: 0, "not-needed": 0 };
  const items: TranslationItem[] = [];
  for (const text of found.texts) {
    const translation = byKey.get(`${text.field}:${text.entityId}`) ?? null;
    const state = translationState(text.original, translation);
    counts[state] += 1;
    if (state === "not-needed") continue;
    items.push({
      ...text,
      originalHash: originalHash(text.original),
      translation: translation && {
        text: translation.text,
        version: translation.version,
        updatedAt: translation.updatedAt.toISOString(),
      },
      state,
    });
  }
  return { negotiation: found.negotiation, locale, items, counts };
}

/** One source's public description and its translation, for the admin source page. */
export async function getSourceTranslation(
  sourceId: string,
  locale: TranslationLocale = "ar",
): Promise<TranslationItem | null> {
  await requireAccess("admin");
  const source = await db().source.findUnique({
    where: { id: sourceId },
    select: { id: true, publicDescription: true, status: true },
  });
  if (!source) return null;
  const translation = await db().contentTranslation.findUnique({
    where: { field_entityId_locale: { field: "SOURCE_DESCRIPTION", entityId: source.id, locale } },
    select: { text: true, version: true, originalHash: true, updatedAt: true },
  });
  return {
    field: "SOURCE_DESCRIPTION",
    entityId: source.id,
    context: "Source",
    published: source.status !== "PROPOSED",
    original: source.publicDescription,
    originalHash: originalHash(source.publicDescription),
    translation: translation && {
      text: translation.text,
      version: translation.version,
      updatedAt: translation.updatedAt.toISOString(),
    },
    state: translationState(source.publicDescription, translation),
  };
}
