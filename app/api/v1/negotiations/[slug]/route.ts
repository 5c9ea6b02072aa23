import { apiError, cachedJson, preflight, withDatabaseErrors } from "@/lib/api/respond";
import { getPublishedNegotiation } from "@/lib/data/reader/negotiation";

/** One published negotiation: current terms, terms history, participants, stage history, figures. */
export const GET = withDatabaseErrors(async function GET(
  request: Request,
  { params }: { params: Promise<{ slug: string }> },
) {
  const negotiation = await getPublishedNegotiation((await params).slug);
  if (!negotiation) return apiError(404, "not_found", "No published negotiation has this slug.");
  const {
    id: _id,
    publishedAt: _publishedAt,
    startedOn: _startedOn,
    correctionCount: _corrections,
    termsVersions,
    stageHistory,
    ...rest
  } = negotiation;
  const body = {
    ...rest,
    currentTerms: termsVersions[0] ?? null,
    termsHistory: termsVersions,
    stageHistory: stageHistory.map(({ developmentId: _developmentId, ...change }) => change),
  };
  return cachedJson(request, body, new Date(negotiation.updatedAt));
});

export const OPTIONS = preflight;
