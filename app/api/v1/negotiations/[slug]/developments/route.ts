import {
  apiError,
  badParameters,
  cachedJson,
  preflight,
  searchParamsObject,
  withDatabaseErrors,
} from "@/lib/api/respond";
import { apiLanguage, inLanguage } from "@/lib/api/language";
import { apiDevelopmentPage } from "@/lib/api/ledger";
import { developmentListQuery } from "@/lib/api/schemas";
import { getPublishedNegotiation } from "@/lib/data/reader/negotiation";
import { getTimelinePage } from "@/lib/data/reader/timeline";

/** A negotiation's published developments, paginated, with citations and sources' public fields. */
export const GET = withDatabaseErrors(async function GET(
  request: Request,
  { params }: { params: Promise<{ slug: string }> },
) {
  const slug = (await params).slug;
  const query = developmentListQuery.safeParse(searchParamsObject(request));
  if (!query.success) return badParameters(query.error);
  const language = apiLanguage(request, query.data.lang);
  const [negotiation, timeline] = await Promise.all([
    getPublishedNegotiation(slug),
    getTimelinePage(slug, query.data.order, query.data.page, language.locale),
  ]);
  if (!negotiation) return apiError(404, "not_found", "No published negotiation has this slug.");
  if (query.data.page > timeline.pageCount)
    return apiError(404, "page_not_found", `There are only ${timeline.pageCount} page(s).`);
  const newest = timeline.items.reduce(
    (latest, d) => (d.updatedAt > latest ? d.updatedAt : latest),
    negotiation.updatedAt,
  );
  return cachedJson(request, inLanguage(apiDevelopmentPage(timeline)), new Date(newest), language);
});

export const OPTIONS = preflight;
