import {
  apiError,
  badParameters,
  cachedJson,
  preflight,
  searchParamsObject,
  withDatabaseErrors,
} from "@/lib/api/respond";
import { negotiationListQuery } from "@/lib/api/schemas";
import { listNegotiationPage } from "@/lib/data/negotiations";

/** Published negotiations, newest change first, filterable by stage and actor. */
export const GET = withDatabaseErrors(async function GET(request: Request) {
  const query = negotiationListQuery.safeParse(searchParamsObject(request));
  if (!query.success) return badParameters(query.error);
  const { stage, actor, page, pageSize } = query.data;
  const result = await listNegotiationPage(stage, actor, page, pageSize);
  if (page > result.pageCount) return apiError(404, "page_not_found", `There are only ${result.pageCount} page(s).`);
  const items = result.items.map(({ terms, ...item }) => ({
    ...item,
    currentTerms: terms ? terms.line : null,
    sides: terms?.sides ?? [],
  }));
  const newest = items[0]?.updatedAt;
  return cachedJson(request, { ...result, items }, newest ? new Date(newest) : null);
});

export const OPTIONS = preflight;
