import "server-only";
import { apiDevelopment, apiTermsVersion } from "@/lib/api/ledger";
import { db } from "@/lib/db/client";
import { loadLedger } from "@/lib/data/reader/ledger";
import { publicRow } from "@/lib/data/reader/public-selects";
import { inLanguage } from "@/lib/api/language";
import { developmentSelect, localizedDevelopments, toDevelopmentView } from "@/lib/data/reader/timeline";
import { loadLocalizer } from "@/lib/data/reader/localize";
import { localePath } from "@/i18n/paths";
import type { ContentLocale } from "@/lib/translations/fields";
import type { PublicEvent } from "@/lib/jobs/public-events";
import { siteUrl } from "@/lib/site-url";

/**
 * A webhook message's body: `{ type, timestamp, data }` as Standard Webhooks recommends, with
 * `data` in the read API's public shapes (lib/api/ledger.ts), read from published rows only
 * (lib/data/reader/public-selects.ts). Null when readers cannot see the negotiation: nothing
 * about a draft leaves Parley. `locale` other than English gives the texts, links and `languages`
 * of the read API in that language (e-mail alerts use it; webhooks stay English).
 */
export async function webhookPayload(event: PublicEvent, locale: ContentLocale = "en"): Promise<object | null> {
  const negotiation = await db().negotiation.findFirst({
    where: { id: event.negotiationId, ...publicRow },
    select: { id: true, slug: true, title: true, stage: true },
  });
  if (!negotiation) return null;
  const ref = {
    slug: negotiation.slug,
    title: negotiation.title,
    stage: negotiation.stage,
    url: new URL(localePath(locale, `/negotiations/${negotiation.slug}`), siteUrl()).toString(),
    api: new URL(`/api/v1/negotiations/${negotiation.slug}`, siteUrl()).toString(),
  };
  // Webhooks are English (as before); another language (an alert's) is the read API's `?lang=` shape.
  if (locale !== "en") {
    const title = (await loadLocalizer(locale, [negotiation.id])).text("NEGOTIATION_TITLE", negotiation.id, ref.title);
    Object.assign(ref, { title: title.text, languages: { title: title.lang } });
  }
  const data = await eventData(event, ref, locale);
  if (!data) return null;
  return { type: event.type, timestamp: event.occurredAt, data };
}

async function eventData(event: PublicEvent, negotiation: object, locale: ContentLocale): Promise<object | null> {
  switch (event.type) {
    case "development.published":
    case "development.corrected": {
      const row = await db().development.findFirst({
        where: { id: event.entityId, ...publicRow },
        select: developmentSelect,
      });
      // Unpublished again before the fan-out ran: the unpublish event tells partners.
      if (!row) return null;
      const view = locale === "en" ? toDevelopmentView(row) : (await localizedDevelopments([row], locale))[0]!;
      return { negotiation, development: inLanguage(apiDevelopment(view)) };
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
