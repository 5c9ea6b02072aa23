import "server-only";
import { apiDevelopment, apiTermsVersion } from "@/lib/api/ledger";
import { db } from "@/lib/db/client";
import { loadLedger } from "@/lib/data/reader/ledger";
import { publicRow } from "@/lib/data/reader/public-selects";
import { inLanguage } from "@/lib/api/language";
import { developmentSelect, toDevelopmentView } from "@/lib/data/reader/timeline";
import type { PublicEvent } from "@/lib/jobs/public-events";
import { siteUrl } from "@/lib/site-url";

/**
 * A webhook message's body: `{ type, timestamp, data }` as Standard Webhooks recommends, with
 * `data` in the read API's public shapes (lib/api/ledger.ts), read from published rows only
 * (lib/data/reader/public-selects.ts). Null when readers cannot see the negotiation: nothing
 * about a draft leaves Parley.
 */
export async function webhookPayload(event: PublicEvent): Promise<object | null> {
  const negotiation = await db().negotiation.findFirst({
    where: { id: event.negotiationId, ...publicRow },
    select: { slug: true, title: true, stage: true },
  });
  if (!negotiation) return null;
  const ref = {
    slug: negotiation.slug,
    title: negotiation.title,
    stage: negotiation.stage,
    url: new URL(`/negotiations/${negotiation.slug}`, siteUrl()).toString(),
    api: new URL(`/api/v1/negotiations/${negotiation.slug}`, siteUrl()).toString(),
  };
  const data = await eventData(event, ref);
  if (!data) return null;
  return { type: event.type, timestamp: event.occurredAt, data };
}

async function eventData(event: PublicEvent, negotiation: object): Promise<object | null> {
  switch (event.type) {
    case "development.published":
    case "development.corrected": {
      const row = await db().development.findFirst({
        where: { id: event.entityId, ...publicRow },
        select: developmentSelect,
      });
      // Unpublished again before the fan-out ran: the unpublish event tells partners.
      return row ? { negotiation, development: inLanguage(apiDevelopment(toDevelopmentView(row))) } : null;
    }
    case "development.unpublished":
      return { negotiation, development: { id: event.entityId } };
    case "terms.published": {
      const { termsVersions } = await loadLedger(event.negotiationId, "public");
      const terms = termsVersions.find((v) => v.id === event.entityId);
      return terms ? { negotiation, terms: inLanguage(apiTermsVersion(terms)) } : null;
    }
    case "stage.changed":
      return { negotiation };
  }
}
