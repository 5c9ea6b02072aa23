import { apiError, cachedJson, preflight, withDatabaseErrors } from "@/lib/api/respond";
import { apiFigure, apiPhase, apiSide, apiTermsVersion, apiTransfer } from "@/lib/api/ledger";
import { getPublishedNegotiation } from "@/lib/data/reader/negotiation";

/** One published negotiation: phases and their current terms, per-side totals, transfers, terms history, participants, stage history, figures. */
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
  return cachedJson(request, body, new Date(negotiation.updatedAt));
});

export const OPTIONS = preflight;
