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

/** A place as typed: a name, an ISO country code and coordinates, every field a string. */
export type PlaceRow = { place: string; placeCountry: string; placeLatitude: string; placeLongitude: string };

export const emptyPlace = (): PlaceRow => ({ place: "", placeCountry: "", placeLatitude: "", placeLongitude: "" });

/** A stored place (name, country, coordinates) back into form fields. */
export function placeRow(stored: {
  place: string;
  placeCountry?: string | null;
  placeLatitude?: number | null;
  placeLongitude?: number | null;
}): PlaceRow {
  return {
    place: stored.place,
    placeCountry: stored.placeCountry ?? "",
    placeLatitude: stored.placeLatitude?.toString() ?? "",
    placeLongitude: stored.placeLongitude?.toString() ?? "",
  };
}

export type DevelopmentFormValues = PlaceRow & {
  /** Readers see key events first, above the timeline. */
  keyEvent: boolean;
  occurredOn: string;
  title: string;
  summary: string;
  kind: string;
  actorIds: string[];
  citations: CitationRow[];
  stageChange: string;
  transfers: TransferRow[];
  confirmOverAgreed: boolean;
  correctionNote: string;
  typoOnly: boolean;
};

export function emptyDevelopmentValues(): DevelopmentFormValues {
  return {
    ...emptyPlace(),
    keyEvent: false,
    occurredOn: "",
    title: "",
    summary: "",
    kind: "",
    actorIds: [],
    citations: [emptyCitation()],
    stageChange: "",
    transfers: [],
    confirmOverAgreed: false,
    correctionNote: "",
    typoOnly: false,
  };
}

const rowKey = () => Math.random().toString(36).slice(2);

/** A quantity as typed: every field a string, as the inputs hold them. */
export type QuantityRow = { kind: string; value: string; min: string; max: string; qualifier: string; wording: string };

export const emptyQuantity = (): QuantityRow => ({
  kind: "EXACT",
  value: "",
  min: "",
  max: "",
  qualifier: "",
  wording: "",
});

/** A stored quantity (as the ledger returns it) back into form fields. */
export function quantityRow(
  q: {
    kind: string;
    value?: number;
    min?: number;
    max?: number;
    qualifier?: string;
    wording?: string | null;
  } | null,
): QuantityRow {
  if (!q) return emptyQuantity();
  return {
    kind: q.kind,
    value: q.value?.toString() ?? "",
    min: q.min?.toString() ?? "",
    max: q.max?.toString() ?? "",
    qualifier: q.qualifier ?? "",
    wording: q.wording ?? "",
  };
}

/** A count one side or source reports differently, with the cited source readers see rated. */
export type AccountRow = { attribution: string; quantity: QuantityRow; source: PickedSource | null; sourceUrl: string };

export const emptyAccount = (): AccountRow => ({
  attribution: "",
  quantity: emptyQuantity(),
  source: null,
  sourceUrl: "",
});

export type TransferRow = PlaceRow & {
  key: string;
  obligationId: string;
  quantity: QuantityRow;
  occurredOn: string;
  place: string;
  intermediaryId: string;
  note: string;
  /** A count reported differently by one side or source, shown beside this one. */
  account: AccountRow | null;
};

export const emptyTransfer = (): TransferRow => ({
  key: rowKey(),
  obligationId: "",
  quantity: emptyQuantity(),
  occurredOn: "",
  ...emptyPlace(),
  intermediaryId: "",
  note: "",
  account: null,
});

export function transferPayload(row: TransferRow) {
  return {
    obligationId: row.obligationId,
    quantity: row.quantity,
    occurredOn: row.occurredOn,
    place: row.place,
    placeCountry: row.placeCountry,
    placeLatitude: row.placeLatitude,
    placeLongitude: row.placeLongitude,
    intermediaryId: row.intermediaryId,
    note: row.note,
    accounts: row.account
      ? [
          {
            attribution: row.account.attribution,
            quantity: row.account.quantity,
            sourceId: row.account.source?.id ?? "",
            sourceUrl: row.account.sourceUrl,
          },
        ]
      : [],
  };
}

/** A part of an obligation's whole ("of the 33 hostages: 8 deceased"). */
export type BreakdownRow = { key: string; label: string; category: string; quantity: QuantityRow };

export const emptyBreakdown = (): BreakdownRow => ({
  key: rowKey(),
  label: "",
  category: "",
  quantity: emptyQuantity(),
});

export type ObligationRow = {
  key: string;
  /** Set for an obligation carried over from the previous version: its sides and category are fixed. */
  obligationId: string;
  label: string;
  releasingActorId: string;
  receivingActorId: string;
  category: string;
  useRatio: boolean;
  quantity: QuantityRow;
  perUnit: string;
  perUnitOf: string;
  description: string;
  withdrawn: boolean;
  breakdowns: BreakdownRow[];
};

export const emptyObligation = (): ObligationRow => ({
  key: rowKey(),
  obligationId: "",
  label: "",
  releasingActorId: "",
  receivingActorId: "",
  category: "",
  useRatio: false,
  quantity: emptyQuantity(),
  perUnit: "",
  perUnitOf: "",
  description: "",
  withdrawn: false,
  breakdowns: [],
});

export type ActorChoice = { id: string; name: string };
export type ActorChoices = { involved: ActorChoice[]; others: ActorChoice[] };
