import { apiLanguage, inLanguage } from "@/lib/api/language";
import {
  apiError,
  badParameters,
  cachedJson,
  preflight,
  searchParamsObject,
  withDatabaseErrors,
} from "@/lib/api/respond";
import { languageQuery } from "@/lib/api/schemas";
import { apiFigure, apiPhase, apiSide, apiTermsVersion, apiTransfer } from "@/lib/api/ledger";
import { getPublishedNegotiation } from "@/lib/data/reader/negotiation";

/** One published negotiation: phases and their current terms, per-side totals, transfers, terms history, participants, stage history, figures. */
export const GET = withDatabaseErrors(async function GET(
  request: Request,
  { params }: { params: Promise<{ slug: string }> },
) {
  const query = languageQuery.safeParse(searchParamsObject(request));
  if (!query.success) return badParameters(query.error);
  const language = apiLanguage(request, query.data.lang);
  const negotiation = await getPublishedNegotiation((await params).slug, language.locale);
  if (!negotiation) return apiError(404, "not_found", "No published negotiation has this slug.");
  const {
    id: _id,
    publishedAt: _publishedAt,
    startedOn: _startedOn,
    correctionCount: _corrections,
    termsVersions,
    stageHistory,
    phases,
    sides,
    transfers,
    figures,
    ...rest
  } = negotiation;
  const current = phases
    .flatMap((p) => (p.current ? [p.current] : []))
    .sort((a, b) => b.proposedOn.localeCompare(a.proposedOn))[0];
  const body = {
    ...rest,
    phases: phases.map(apiPhase),
    sides: sides.map(apiSide),
    transfers: transfers.map(apiTransfer),
    figures: figures.map(apiFigure),
    currentTerms: current ? apiTermsVersion(current) : null,
    termsHistory: termsVersions.map(apiTermsVersion),
    stageHistory: stageHistory.map(({ developmentId: _developmentId, ...change }) => change),
  };
  return cachedJson(request, inLanguage(body), new Date(negotiation.updatedAt), language);
});

export const OPTIONS = preflight;
