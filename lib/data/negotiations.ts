import "server-only";
import { requireAccess } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Stage, TermsStatus } from "@/lib/generated/prisma/enums";
import { finishedStages } from "@/lib/format/labels";
import { termsOneLiner } from "@/lib/format/terms";

export type NegotiationListFilter = "all" | "active" | "concluded";

export type NegotiationSummary = {
  slug: string;
  title: string;
  region: string;
  country: string;
  stage: Stage;
  updatedAt: Date;
  terms: { line: string; status: TermsStatus } | null;
  parties: string[];
  mediators: string[];
};

/** Readers only ever see published, non-archived rows; this is that rule in one place. */
const publicRow = { publication: "PUBLISHED", archivedAt: null } as const;

const stageFilters: Record<NegotiationListFilter, Prisma.NegotiationWhereInput> = {
  all: {},
  active: { stage: { notIn: [...finishedStages] } },
  concluded: { stage: { in: [...finishedStages] } },
};

export async function listPublishedNegotiations(filter: NegotiationListFilter = "all"): Promise<NegotiationSummary[]> {
  const rows = await db().negotiation.findMany({
    where: { ...publicRow, ...stageFilters[filter] },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: {
      slug: true,
      title: true,
      region: true,
      country: true,
      stage: true,
      updatedAt: true,
      participations: {
        orderBy: { position: "asc" },
        select: { role: true, actor: { select: { name: true, shortName: true } } },
      },
      termsVersions: {
        where: publicRow,
        orderBy: { number: "desc" },
        take: 1,
        select: {
          status: true,
          items: {
            orderBy: { position: "asc" },
            select: { countExact: true, countMin: true, countMax: true, countWording: true, category: true, releasingActorId: true },
          },
        },
      },
    },
  });

  return rows.map((row) => {
    const current = row.termsVersions[0];
    const names = (role: string) => row.participations.filter((p) => p.role === role).map((p) => p.actor.name);
    return {
      slug: row.slug,
      title: row.title,
      region: row.region,
      country: row.country,
      stage: row.stage,
      updatedAt: row.updatedAt,
      terms: current ? { line: termsOneLiner(current.items), status: current.status } : null,
      parties: names("PARTY"),
      mediators: names("MEDIATOR"),
    };
  });
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
  return rows.map(({ archivedAt, _count, ...row }) => ({ ...row, archived: archivedAt !== null, draftDevelopments: _count.developments }));
}
