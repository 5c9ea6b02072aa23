import {
  apiError,
  badParameters,
  cachedJson,
  preflight,
  searchParamsObject,
  withDatabaseErrors,
} from "@/lib/api/respond";
import { apiLanguage, inLanguage } from "@/lib/api/language";
import { negotiationListQuery } from "@/lib/api/schemas";
import { listNegotiationPage } from "@/lib/data/negotiations";

/** Published negotiations, newest change first, filterable by stage, actor and a search; in English or Arabic. */
export const GET = withDatabaseErrors(async function GET(request: Request) {
  const query = negotiationListQuery.safeParse(searchParamsObject(request));
  if (!query.success) return badParameters(query.error);
  const { stage, actor, page, pageSize, q, lang } = query.data;
  const language = apiLanguage(request, lang);
  const result = await listNegotiationPage(stage, actor, page, pageSize, language.locale, q);
  if (page > result.pageCount) return apiError(404, "page_not_found", `There are only ${result.pageCount} page(s).`);
  const items = result.items.map(({ terms, ...item }) => ({
    ...item,
    currentTerms: terms ? terms.line : null,
    sides: terms?.sides ?? [],
  }));
  const newest = items[0]?.updatedAt;
  return cachedJson(request, inLanguage({ ...result, items }), newest ? new Date(newest) : null, language);
});

export const OPTIONS = preflight;
