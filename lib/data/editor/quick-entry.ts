import "server-only";
import { requireAccess } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { createDevelopmentSchema } from "@/lib/validation/development";
import type { QuickDevelopmentInput } from "@/lib/validation/quick-entry";
import { createDevelopment } from "./developments";

/** "www.reuters.com" and "reuters.com" are one source; compared lower-case, without "www.". */
export function domainOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^www\./, "");
}

/** The newsroom's source whose own address is on this domain, if there is exactly one in use. */
async function sourceForDomain(domain: string): Promise<{ id: string; name: string } | null> {
  const rows = await db().$queryRaw<Array<{ id: string; name: string }>>`
    SELECT id, name FROM "Source"
    WHERE "mergedIntoId" IS NULL AND status <> 'ARCHIVED' AND url IS NOT NULL
      AND lower(regexp_replace(substring(url from '^https?://([^/:?#]+)'), '^www\\.', '')) = ${domain}
    ORDER BY status = 'ACTIVE' DESC, name
    LIMIT 2`;
  return rows.length === 1 ? rows[0]! : null;
}

export type QuickEntryResult = { id: string; source: string; how: "picked" | "recognised" | "proposed" };

/**
 * Saves a breaking-news development as a draft dated today (UTC), with its one citation. The
 * source is the one picked, or recognised from the link's domain, or proposed for admin review
 * under that domain's name — which then holds publication until an admin approves it.
 */
export async function createQuickDevelopment(input: QuickDevelopmentInput): Promise<QuickEntryResult> {
  await requireAccess("journalist");
  let citation: Record<string, unknown>;
  let result: Omit<QuickEntryResult, "id">;
  if (input.sourceId) {
    const source = await db().source.findFirst({
      where: { id: input.sourceId, mergedIntoId: null },
      select: { name: true },
    });
    if (!source) throw new NotFoundError("That source no longer exists or was merged; pick it again.");
    citation = { sourceId: input.sourceId, attribution: input.attribution || source.name, url: input.url ?? "" };
    result = { source: source.name, how: "picked" };
  } else {
    const url = input.url!;
    const domain = domainOf(url);
    const known = await sourceForDomain(domain);
    citation = known
      ? { sourceId: known.id, attribution: input.attribution || known.name, url }
      : {
          // A source name holds 200 characters; a host name may have up to 253.
          newSource: { name: domain.slice(0, 200), kind: "OUTLET", url: new URL(url).origin },
          attribution: input.attribution || domain,
          url,
        };
    result = known ? { source: known.name, how: "recognised" } : { source: domain, how: "proposed" };
  }
  const full = createDevelopmentSchema.parse({
    negotiationId: input.negotiationId,
    occurredOn: new Date().toISOString().slice(0, 10),
    title: input.title,
    summary: input.summary,
    kind: "OTHER",
    citations: [citation],
  });
  const { id } = await createDevelopment(full);
  return { id, ...result };
}
