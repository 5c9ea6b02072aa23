import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { likeLiteral } from "@/lib/validation/common";

/**
 * Ids of the negotiations a reader's search matches: the title, summary, region or country, their
 * Arabic translations, or the name, short name or alternate name of an actor taking part.
 * Both sides of every comparison go through parley_search_fold() (the content_translations
 * migration; lib/search/arabic-normalize.ts is its TypeScript twin), so "السويداء" is found
 * typed with or without hamza, harakat or tatweel, and Latin text case-insensitively. The
 * folded title, summary, translation and alias columns have trigram indexes, so a "contains"
 * match does not scan every row once there are many. Publication is checked by the caller.
 */
export async function matchingNegotiationIds(text: string): Promise<string[]> {
  // Escaped before folding: folding never produces %, _ or \\, so the escapes survive it.
  // Written out at each use rather than joined from a CTE, so the planner sees an expression of a
  // parameter and can use the trigram indexes.
  const p = Prisma.sql`('%' || parley_search_fold(${likeLiteral(text)}) || '%')`;
  const rows = await db().$queryRaw<Array<{ id: string }>>`
    SELECT n.id::text AS id FROM "Negotiation" n
     WHERE parley_search_fold(n.title) LIKE ${p}
        OR parley_search_fold(n.summary) LIKE ${p}
        OR parley_search_fold(n.region) LIKE ${p}
        OR parley_search_fold(n.country) LIKE ${p}
        OR EXISTS (
             SELECT 1 FROM "ContentTranslation" t
              WHERE t."entityId" = n.id
                AND t.field IN ('NEGOTIATION_TITLE', 'NEGOTIATION_SUMMARY')
                AND parley_search_fold(t.text) LIKE ${p})
        OR EXISTS (
             SELECT 1 FROM "Participation" pa JOIN "Actor" a ON a.id = pa."actorId"
              WHERE pa."negotiationId" = n.id AND pa."archivedAt" IS NULL
                AND (parley_search_fold(a.name) LIKE ${p}
                     OR parley_search_fold(coalesce(a."shortName", '')) LIKE ${p}
                     OR EXISTS (SELECT 1 FROM "ActorAlias" al
                                 WHERE al."actorId" = a.id AND parley_search_fold(al.name) LIKE ${p})))`;
  return rows.map((row) => row.id);
}
