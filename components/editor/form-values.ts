// Form state shapes and their defaults, shared by server pages (initial values)
// and the client forms. Kept free of "use client" so server code can call it.
export type PickedSource = { id: string; name: string };

export type CitationRow = {
  key: string;
  source: PickedSource | null;
  proposeNew: boolean;
  newSource: { name: string; kind: string; url: string };
  via: PickedSource | null;
  attribution: string;
  url: string;
  excerpt: string;
  publishedOn: string;
  assessment: string;
};

export const emptyCitation = (): CitationRow => ({
  key: Math.random().toString(36).slice(2),
  source: null,
  proposeNew: false,
  newSource: { name: "", kind: "OUTLET", url: "" },
  via: null,
  attribution: "",
  url: "",
  excerpt: "",
  publishedOn: "",
  assessment: "UNASSESSED",
});

export function citationPayload(row: CitationRow) {
  return {
    sourceId: row.proposeNew ? "" : (row.source?.id ?? ""),
    newSource: row.proposeNew ? row.newSource : undefined,
    viaSourceId: row.via?.id ?? "",
    attribution: row.attribution,
    url: row.url,
    excerpt: row.excerpt,
    publishedOn: row.publishedOn,
    assessment: row.assessment,
  };
}

export type DevelopmentFormValues = {
  occurredOn: string;
  title: string;
  summary: string;
  kind: string;
  actorIds: string[];
  citations: CitationRow[];
  stageChange: string;
  release: { termsItemId: string; releasedCount: string };
  correctionNote: string;
  typoOnly: boolean;
};

export function emptyDevelopmentValues(): DevelopmentFormValues {
  return {
    occurredOn: "",
    title: "",
    summary: "",
    kind: "",
    actorIds: [],
    citations: [emptyCitation()],
    stageChange: "",
    release: { termsItemId: "", releasedCount: "" },
    correctionNote: "",
    typoOnly: false,
  };
}
