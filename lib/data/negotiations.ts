import "server-only";
import { requireAccess } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DatePrecision, Stage, TermsStatus } from "@/lib/generated/prisma/enums";
import { finishedStages } from "@/lib/format/labels";
import { currentTermsLine } from "@/lib/format/negotiation-meta";
import { termsOneLiner } from "@/lib/format/terms";
import type { ContentLocale, LocalizedText } from "@/lib/translations/fields";
import { searchTerm } from "@/lib/validation/common";
import { cachedReader, readerTags } from "./reader/cache";
import { loadLedgers } from "./reader/ledger";
import { loadLocalizer } from "./reader/localize";
import { publicRow } from "./reader/public-selects";
import { matchingNegotiationIds } from "./reader/search";

export type NegotiationListFilter = "all" | "active" | "concluded";

export type NegotiationSummary = {
  slug: string;
  /** The English original; `localized.title` is the title in the requested language. */
  title: string;
  localized: { title: LocalizedText };
  region: string;
  country: string;
  stage: Stage;
  updatedAt: string;
  /** The newest public development's date (updatedAt changes with any edit). */
  latestDevelopment: { on: string; precision: DatePrecision } | null;
  /** The current terms in one line; the status when there is one phase (several: in the line). */
  terms: { line: string; status: TermsStatus | null; sides: Array<{ name: string; text: string }> } | null;
  parties: string[];
  mediators: string[];
};

const stageFilters: Record<NegotiationListFilter, Prisma.NegotiationWhereInput> = {
  all: {},
  active: { stage: { notIn: [...finishedStages] } },
  concluded: { stage: { in: [...finishedStages] } },
};

export const MAX_SEARCH_LENGTH = 100;

/**
 * Matches a negotiation's title, summary or place in English or Arabic, or the name (or
 * alternate name) of any actor taking part, however the Arabic is typed (reader/search.ts).
 */
async function searchFilter(query: string): Promise<Prisma.NegotiationWhereInput> {
  const text = searchTerm(query, MAX_SEARCH_LENGTH);
  if (!text) return {};
  return { id: { in: await matchingNegotiationIds(text) } };
}

/** Published negotiations matching `where`, as one-line summaries; the shared query behind the home page and the API. */
async function summaries(
  where: Prisma.NegotiationWhereInput,
  page: { skip: number; take: number } | undefined,
  locale: ContentLocale,
): Promise<NegotiationSummary[]> {
  const rows = await db().negotiation.findMany({
    where: { AND: [publicRow, where] },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    ...page,
    select: {
      id: true,
      slug: true,
      title: true,
      region: true,
      country: true,
      stage: true,
      updatedAt: true,
      participations: {
        where: { archivedAt: null },
        orderBy: { position: "asc" },
        select: { role: true, actor: { select: { name: true, shortName: true } } },
      },
      developments: {
        where: publicRow,
        orderBy: [{ occurredOn: "desc" }, { id: "asc" }],
        take: 1,
        select: { occurredOn: true, occurredPrecision: true },
      },
    },
  });
  // Each card's ledger (current terms of every phase, per-side totals) is computed the same way as the
  // page's, all cards' in one set of queries.
  const [ledgers, l] = await Promise.all([
    loadLedgers(
      rows.map((row) => row.id),
      "public",
    ),
    loadLocalizer(
      locale,
      rows.map((row) => row.id),
    ),
  ]);

  return rows.map((row) => {
    const { phases, sides } = ledgers.get(row.id)!;
    const shown = phases.filter((p) => p.current);
    const names = (role: string) => row.participations.filter((p) => p.role === role).map((p) => p.actor.name);
    return {
      slug: row.slug,
      title: row.title,
      localized: { title: l.text("NEGOTIATION_TITLE", row.id, row.title) },
      region: row.region,
      country: row.country,
      stage: row.stage,
      updatedAt: row.updatedAt.toISOString(),
      latestDevelopment: row.developments[0]
        ? { on: row.developments[0].occurredOn.toISOString(), precision: row.developments[0].occurredPrecision }
        : null,
      terms:
        shown.length === 0
          ? null
          : {
              line:
                shown.length === 1
                  ? termsOneLiner(
                      shown[0]!
                        .current!.obligations.filter((o) => !o.withdrawn)
                        .map((o) => ({ quantity: o.agreed, category: o.category, releasingActorId: o.releasing.slug })),
                    )
                  : currentTermsLine({ phases })!,
              status: shown.length === 1 ? shown[0]!.current!.status : null,
              sides: sides.map((side) => ({
                name: side.label ?? side.actor.shortName ?? side.actor.name,
                text: side.progressText,
              })),
            },
      parties: names("PARTY"),
      mediators: names("MEDIATOR"),
    };
  });
}

export type NegotiationPage = {
  items: NegotiationSummary[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};

/** Negotiations shown per page on the home page: the list grows with every case covered, so it is paged. */
export const HOME_PAGE_SIZE = 20;

async function summaryPage(
  where: Prisma.NegotiationWhereInput,
  page: number,
  pageSize: number,
  locale: ContentLocale,
): Promise<NegotiationPage> {
  const safePage = Number.isSafeInteger(page) && page >= 1 ? page : 1;
  const [total, items] = await Promise.all([
    db().negotiation.count({ where: { AND: [publicRow, where] } }),
    summaries(where, { skip: (safePage - 1) * pageSize, take: pageSize }, locale),
  ]);
  return { items, total, page: safePage, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

const cachedList = cachedReader(
  "negotiation-list",
  async (filter: NegotiationListFilter, query: string, page: number, locale: ContentLocale) =>
    summaryPage({ AND: [stageFilters[filter], await searchFilter(query)] }, page, HOME_PAGE_SIZE, locale),
  () => [readerTags.list],
);

const cachedApiPage = cachedReader(
  "negotiation-page",
  async (
    stage: Stage | undefined,
    actorSlug: string | undefined,
    page: number,
    pageSize: number,
    locale: ContentLocale,
    query: string,
  ): Promise<NegotiationPage> =>
    summaryPage(
      {
        AND: [
          stage ? { stage } : {},
          actorSlug ? { participations: { some: { archivedAt: null, actor: { slug: actorSlug } } } } : {},
          await searchFilter(query),
        ],
      },
      page,
      pageSize,
      locale,
    ),
  () => [readerTags.list],
);

/**
 * One page of published negotiations, optionally at one stage, with one actor taking part or
 * matching a search (public API); titles also in `locale`.
 */
export function listNegotiationPage(
  stage: Stage | undefined,
  actorSlug: string | undefined,
  page: number,
  pageSize: number,
  locale: ContentLocale = "en",
  query = "",
): Promise<NegotiationPage> {
  return cachedApiPage(stage, actorSlug, page, pageSize, locale, searchTerm(query, MAX_SEARCH_LENGTH));
}

/** One page of the home page's list, newest change first; titles also in `locale` (English by default). */
export function listPublishedNegotiations(
  filter: NegotiationListFilter = "all",
  query = "",
  page = 1,
  locale: ContentLocale = "en",
): Promise<NegotiationPage> {
  return cachedList(filter, searchTerm(query, MAX_SEARCH_LENGTH), page, locale);
}

export type StaffNegotiationRow = {
  id: string;
  slug: string;
  title: string;
  stage: Stage;
  publication: "DRAFT" | "PUBLISHED";
  archived: boolean;
  updatedAt: Date;
  draftDevelopments: number;
};

/** Every negotiation, drafts and archived ones included: staff only. */
export async function listNegotiationsForStaff(): Promise<StaffNegotiationRow[]> {
  await requireAccess("journalist");
  const rows = await db().negotiation.findMany({
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      stage: true,
      publication: true,
      archivedAt: true,
      updatedAt: true,
      _count: { select: { developments: { where: { publication: "DRAFT", archivedAt: null } } } },
    },
  });
  return rows.map(({ archivedAt, _count, ...row }) => ({
    ...row,
    archived: archivedAt !== null,
    draftDevelopments: _count.developments,
  }));
}
