import "server-only";
import { getCurrentUser, requireAccess } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueue } from "@/lib/jobs/enqueue";
import { QUEUES } from "@/lib/jobs/queues";
import type { ArchiveJob } from "@/lib/archive/link-archive";
import { NotFoundError } from "@/lib/errors";
import { publicRow } from "./reader/public-selects";
import { writeAudit } from "./audit";

/** A snapshot readers may open: one that backs a citation they can see. */
const citedPublicly = {
  citations: {
    some: {
      OR: [
        { development: { ...publicRow, negotiation: publicRow } },
        { termsVersion: { ...publicRow, negotiation: publicRow } },
        { figureClaim: { archivedAt: null, figure: { ...publicRow, negotiation: publicRow } } },
      ],
    },
  },
} satisfies Prisma.LinkSnapshotWhereInput;

export type SnapshotFile = {
  body: Buffer;
  contentType: string | null;
  fetchedAt: Date;
  sha256: string | null;
  url: string;
  finalUrl: string | null;
};

/**
 * The stored copy, for /api/archive/[id]: to anyone when a public citation rests on it,
 * otherwise to signed-in staff only (a draft's sources stay unseen). Null: not found.
 */
export async function getSnapshotFile(id: string): Promise<SnapshotFile | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const select = { body: true, headers: true, fetchedAt: true, sha256: true, url: true, finalUrl: true } as const;
  let row = await db().linkSnapshot.findFirst({ where: { id, error: null, ...citedPublicly }, select });
  if (!row && (await getCurrentUser())) row = await db().linkSnapshot.findFirst({ where: { id, error: null }, select });
  if (!row || !row.body) return null;
  const headers = (row.headers ?? {}) as Record<string, string>;
  return {
    body: Buffer.from(row.body),
    contentType: headers["content-type"] ?? null,
    fetchedAt: row.fetchedAt,
    sha256: row.sha256,
    url: row.url,
    finalUrl: row.finalUrl,
  };
}

/** Every cited URL with its newest copy (or its last failure) and link check, for the staff archive page. */
export async function listCitedLinks(limit = 200) {
  await requireAccess("journalist");
  const cited = await db().citation.groupBy({
    by: ["url"],
    where: { url: { not: null } },
    _count: { _all: true },
    orderBy: { url: "asc" },
    take: limit,
  });
  const urls = cited.map((c) => c.url!);
  const snapshots = await db().linkSnapshot.findMany({
    where: { url: { in: urls } },
    orderBy: { fetchedAt: "desc" },
    select: {
      id: true,
      url: true,
      status: true,
      sha256: true,
      fetchedAt: true,
      error: true,
      finalUrl: true,
      publicArchiveUrl: true,
    },
  });
  const checks = await db().linkCheck.findMany({
    where: { url: { in: urls } },
    select: { url: true, ok: true, status: true, error: true, checkedAt: true, failingSince: true },
  });
  return cited.map((c) => {
    const mine = snapshots.filter((s) => s.url === c.url);
    return {
      url: c.url!,
      citations: c._count._all,
      /** The scheduled link check's last answer (lib/archive/link-check.ts); null before its first run. */
      check: checks.find((check) => check.url === c.url) ?? null,
      latest: mine.find((s) => s.error === null) ?? null,
      lastFailure: mine[0]?.error ? mine[0] : null,
    };
  });
}

/** Staff's "re-archive": fetch the URL again now; the new copy becomes the one citations show. */
export async function requestReArchive(input: { url: string }): Promise<void> {
  const user = await requireAccess("journalist");
  await db().$transaction(async (tx) => {
    const cited = await tx.citation.findFirst({ where: { url: input.url }, select: { id: true } });
    if (!cited) throw new NotFoundError("No citation links to that address.");
    await enqueue(tx, QUEUES.citationArchive, { url: input.url, force: true } satisfies ArchiveJob);
    await writeAudit(tx, {
      userId: user.id,
      action: "citation.rearchive",
      entityType: "Citation",
      entityId: cited.id,
      after: { url: input.url },
    });
  });
}
