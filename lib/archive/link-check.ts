import "server-only";
import { db } from "@/lib/db/client";
import { outboundFetch, OutboundRefusedError } from "@/lib/security/outbound-fetch";

const CHECK_TIMEOUT_MS = 15_000;
/** Enough to see the page answer; the archive job keeps the body, this check does not. */
const CHECK_MAX_BYTES = 64 * 1024;

type Answer = { ok: boolean; status: number | null; error: string | null };

/** One cited URL asked again through the outbound protections (redirects followed, each hop checked). */
export async function checkLink(url: string): Promise<Answer> {
  try {
    const response = await outboundFetch(url, {
      timeoutMs: CHECK_TIMEOUT_MS,
      maxBytes: CHECK_MAX_BYTES,
      maxRedirects: 5,
      headers: { accept: "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8" },
    });
    const ok = response.status < 400;
    return { ok, status: response.status, error: ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    const reason = error instanceof OutboundRefusedError ? `refused: ${error.message}` : (error as Error).message;
    return { ok: false, status: null, error: reason.slice(0, 500) };
  }
}

/**
 * The scheduled link check (PARLEY_LINK_CHECK_CRON): asks every cited URL again, one at a time,
 * and records the answer per URL (LinkCheck), so every citation of a URL that now fails is
 * marked for staff (/editor/archive) with when it started failing. Idempotent: a rerun records
 * fresher answers.
 */
export async function checkCitedLinks(): Promise<{ checked: number; failing: number }> {
  const cited = await db().citation.findMany({
    where: { url: { not: null } },
    distinct: ["url"],
    select: { url: true },
    orderBy: { url: "asc" },
  });
  let failing = 0;
  for (const { url } of cited) {
    const answer = await checkLink(url!);
    if (!answer.ok) failing += 1;
    const checkedAt = new Date();
    const previous = await db().linkCheck.findUnique({ where: { url: url! }, select: { failingSince: true } });
    const failingSince = answer.ok ? null : (previous?.failingSince ?? checkedAt);
    const row = { ok: answer.ok, status: answer.status, error: answer.error, checkedAt, failingSince };
    await db().linkCheck.upsert({ where: { url: url! }, create: { url: url!, ...row }, update: row });
  }
  return { checked: cited.length, failing };
}
