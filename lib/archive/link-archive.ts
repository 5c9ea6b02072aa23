import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueue } from "@/lib/jobs/enqueue";
import { QUEUES } from "@/lib/jobs/queues";
import { log, untrusted } from "@/lib/log";
import { outboundFetch, OutboundRefusedError } from "@/lib/security/outbound-fetch";

/** A cited URL to archive. `force`: fetch again even if a copy exists (staff's "re-archive"). */
export type ArchiveJob = { url: string; force?: boolean };

const SNAPSHOT_MAX_BYTES = 5 * 1024 * 1024;
const SNAPSHOT_TIMEOUT_MS = 20_000;
const SNAPSHOT_MAX_REDIRECTS = 5;
/** Response headers worth keeping as evidence; cookies and the like are dropped. */
const KEPT_HEADERS = ["content-type", "content-length", "last-modified", "etag", "date", "server", "content-language"];

/** A failure worth retrying later (the site is down), as opposed to a final answer. */
export class TransientFetchError extends Error {}

/**
 * Called where citations are saved, in that transaction: links a citation to the newest
 * copy of its URL if one exists, otherwise queues the fetch (rolled back with the save).
 */
export async function archiveCitedUrls(tx: Prisma.TransactionClient, urls: (string | null | undefined)[]) {
  for (const url of new Set(urls.filter((u): u is string => Boolean(u)))) {
    const existing = await tx.linkSnapshot.findFirst({
      where: { url, error: null },
      orderBy: { fetchedAt: "desc" },
      select: { id: true },
    });
    if (existing) await tx.citation.updateMany({ where: { url, snapshotId: null }, data: { snapshotId: existing.id } });
    // One fetch per address per hour however often it is cited: a burst of citations of one
    // wire story (or a flood of saves) queues a single job instead of one per citation.
    else
      await enqueue(tx, QUEUES.citationArchive, { url } satisfies ArchiveJob, {
        singletonKey: url,
        singletonSeconds: 3600,
      });
  }
}

/**
 * Fetches a cited URL through the outbound protections and keeps what came back — final URL,
 * status, selected headers, body (up to 5 MB), time and SHA-256 — then points every citation
 * of that URL at it. Idempotent: without `force`, a URL that already has a copy is only linked.
 * A refused address is recorded as a failed snapshot and not retried; a network error or 5xx
 * is retried with backoff.
 */
export async function archiveUrl(job: ArchiveJob): Promise<{ snapshotId: string | null }> {
  if (!job.force) {
    const existing = await db().linkSnapshot.findFirst({
      where: { url: job.url, error: null },
      orderBy: { fetchedAt: "desc" },
      select: { id: true },
    });
    if (existing) {
      await linkCitations(job.url, existing.id, false);
      return { snapshotId: existing.id };
    }
  }
  let response;
  try {
    response = await outboundFetch(job.url, {
      timeoutMs: SNAPSHOT_TIMEOUT_MS,
      maxBytes: SNAPSHOT_MAX_BYTES,
      maxRedirects: SNAPSHOT_MAX_REDIRECTS,
      headers: { accept: "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8" },
    });
  } catch (error) {
    if (error instanceof OutboundRefusedError) {
      await db().linkSnapshot.create({ data: { url: job.url, error: `refused: ${error.message}`.slice(0, 500) } });
      return { snapshotId: null };
    }
    throw new TransientFetchError(`fetching ${job.url} failed: ${(error as Error).message}`);
  }
  if (response.status >= 500) throw new TransientFetchError(`fetching ${job.url} answered HTTP ${response.status}`);
  const headers = Object.fromEntries(
    KEPT_HEADERS.flatMap((name) => (name in response.headers ? [[name, response.headers[name]]] : [])),
  );
  const snapshot = await db().linkSnapshot.create({
    data: {
      url: job.url,
      finalUrl: response.finalUrl,
      status: response.status,
      headers,
      body: new Uint8Array(response.body),
      truncated: response.truncated,
      sha256: createHash("sha256").update(response.body).digest("hex"),
      publicArchiveUrl: await submitToPublicArchive(job.url),
    },
    select: { id: true },
  });
  await linkCitations(job.url, snapshot.id, true);
  return { snapshotId: snapshot.id };
}

async function linkCitations(url: string, snapshotId: string, newest: boolean) {
  await db().citation.updateMany({
    where: newest ? { url } : { url, snapshotId: null },
    data: { snapshotId },
  });
}

/**
 * Only when PARLEY_PUBLIC_ARCHIVE_SAVE_URL is set (e.g. the Wayback Machine's save endpoint):
 * asks that archive to keep the URL too and records where. Best effort; with none set,
 * nothing about the citation leaves the machine.
 */
async function submitToPublicArchive(url: string): Promise<string | null> {
  const save = env().PARLEY_PUBLIC_ARCHIVE_SAVE_URL;
  if (!save) return null;
  try {
    const response = await outboundFetch(`${save}${url}`, { timeoutMs: 30_000, maxBytes: 64 * 1024, maxRedirects: 0 });
    const location = response.headers["content-location"] ?? response.headers.location;
    return location ? new URL(location, save).toString().slice(0, 2000) : null;
  } catch (error) {
    log.warn({ url: untrusted(url), error: untrusted((error as Error).message) }, "public archive refused the URL");
    return null;
  }
}
