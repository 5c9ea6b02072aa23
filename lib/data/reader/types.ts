// Plain, JSON-safe shapes handed to reader pages (and cached): dates are ISO strings.
import type {
  ActorKind,
  DatePrecision,
  DevelopmentKind,
  ParticipationRole,
  PublicationState,
  ReleaseCategory,
  Reliability,
  SourceKind,
  Stage,
  TermsStatus,
} from "@/lib/generated/prisma/enums";
import type { Quantity } from "@/lib/ledger/quantity";
import type { Progress, SeriesPoint } from "@/lib/ledger/totals";
import type { LocalizedText } from "@/lib/translations/fields";

export type { LocalizedText };

export type PublicSource = {
  slug: string;
  name: string;
  kind: SourceKind;
  url: string | null;
  reliability: Reliability;
  publicDescription: string;
};

export type PublicCitation = {
  id: string;
  attribution: string;
  url: string | null;
  excerpt: string;
  publishedOn: string | null;
  source: PublicSource;
  via: PublicSource | null;
  /** Parley's own copy of `url`, taken when it was cited. */
  archivedCopy: { url: string; archivedAt: string; sha256: string | null } | null;
};

export type ActorRef = {
  slug: string;
  name: string;
  shortName: string | null;
  kind: ActorKind;
  /** The name in the requested language (Arabic alternate name where known); set by the negotiation and timeline loaders. */
  localized?: { name: LocalizedText };
};

export type BreakdownView = { label: string; category: ReleaseCategory | null; quantity: Quantity; text: string };

/** One obligation as a terms version states it, with what has been carried out against it (in any version). */
export type ObligationView = {
  /** The obligation's stable identity across versions. */
  id: string;
  releasing: ActorRef;
  receiving: ActorRef;
  category: ReleaseCategory;
  description: string;
  /** `description` in the requested language (the English, lang "en", when untranslated). */
  localized: { description: LocalizedText };
  /** As stated; null for a ratio rule. */
  quantity: Quantity | null;
  ratio: {
    perUnit: number;
    perUnitOf: string;
    perUnitOfText: string;
    /** The base obligation's category, for wording the ratio in the page's language. */
    perUnitOfCategory: ReleaseCategory | null;
  } | null;
  /** The agreed quantity, derived from the ratio when there is one. */
  agreed: Quantity | null;
  derived: boolean;
  /** "61 civilians", "about 1,900 detainees". */
  text: string;
  withdrawn: boolean;
  breakdowns: BreakdownView[];
  /** The parts add up to more than the whole (they may overlap: women, minors). */
  breakdownsExceedWhole: boolean;
  progress: Progress;
  /** "released 270 of 880", with "more than agreed" when so. */
  progressText: string;
};

export type TermsVersionView = {
  id: string;
  number: number;
  phaseId: string;
  proposedOn: string;
  proposedPrecision: DatePrecision;
  proposedBy: ActorRef | null;
  status: TermsStatus;
  summary: string;
  publication: PublicationState;
  obligations: ObligationView[];
  citations: PublicCitation[];
};

export type PhaseView = {
  id: string;
  number: number;
  /** Empty for the only phase of a single-phase exchange. */
  name: string;
  summary: string;
  startedOn: string | null;
  startedPrecision: DatePrecision;
  endedOn: string | null;
  endedPrecision: DatePrecision;
  /** The newest version (readers: the newest published one). */
  current: TermsVersionView | null;
  /** Newest first. */
  versions: TermsVersionView[];
};

export type TransferAccountView = {
  attribution: string;
  attributedTo: ActorRef | null;
  quantity: Quantity;
  text: string;
  /** The cited source of this count (null only for accounts recorded before sources were required). */
  source: PublicSource | null;
  sourceUrl: string | null;
};

/** Where something happened: the name as reported, its ISO 3166-1 alpha-2 country, coordinates when known. */
export type PlaceView = {
  name: string;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
};

export type TransferView = {
  id: string;
  obligationId: string;
  developmentId: string | null;
  releasing: ActorRef;
  receiving: ActorRef;
  category: ReleaseCategory;
  quantity: Quantity;
  /** "30 civilians". */
  text: string;
  /** The transfer's own date, else its development's. */
  date: string;
  precision: DatePrecision;
  /** The handover point's name as reported ("" when not reported); `location` gives its structure. */
  place: string;
  location: PlaceView | null;
  intermediary: ActorRef | null;
  note: string;
  /** Counts the sides or sources give differently, side by side. */
  accounts: TransferAccountView[];
};

/** One releasing side: "released X of Y" over its obligations in the current terms of every phase. */
export type SideView = Progress & {
  /** The releasing actor's slug. */
  releasingActorId: string;
  actor: ActorRef;
  /** How readers name the side ("Damascus government"), when the participation says. */
  label: string | null;
  progressText: string;
  series: SeriesPoint[];
};

export type FigureView = {
  slug: string;
  label: string;
  unit: string;
  description: string;
  localized: { label: LocalizedText; description: LocalizedText };
  claims: Array<{
    id: string;
    /** The claim in the ledger's quantity type; its wording is the phrase as published. */
    quantity: Quantity;
    /** The quantity as readers see it, qualifier included ("more than 2,000"). */
    text: string;
    asOf: string | null;
    asOfPrecision: DatePrecision;
    note: string;
    citations: PublicCitation[];
  }>;
};

export type NegotiationView = {
  id: string;
  slug: string;
  /** The English original; `localized` holds the text to show in the requested language. */
  title: string;
  summary: string;
  localized: { title: LocalizedText; summary: LocalizedText };
  region: string;
  country: string;
  startedOn: string | null;
  stage: Stage;
  publishedAt: string | null;
  updatedAt: string;
  participants: Array<{
    role: ParticipationRole;
    side: string | null;
    description: string;
    actor: ActorRef;
    /** The actor's Arabic name, shown beside the English one. */
    arabicName?: string | null;
  }>;
  /** The newest public development's date: what readers mean by "latest", unlike updatedAt (any edit). */
  latestDevelopment: { on: string; precision: DatePrecision } | null;
  stageHistory: Array<{
    stage: Stage;
    /** Null for the stage a negotiation was entered at, before any dated event. */
    effectiveOn: string | null;
    effectivePrecision: DatePrecision;
    note: string;
    developmentId: string | null;
  }>;
  phases: PhaseView[];
  /** Every version of every phase, newest first. */
  termsVersions: TermsVersionView[];
  sides: SideView[];
  transfers: TransferView[];
  figures: FigureView[];
  developmentCount: number;
  correctionCount: number;
};

export type DevelopmentView = {
  id: string;
  occurredOn: string;
  occurredPrecision: DatePrecision;
  occurredAt: string | null;
  reportedAt: string | null;
  title: string;
  summary: string;
  localized: { title: LocalizedText; summary: LocalizedText };
  kind: DevelopmentKind;
  singleAnonymousSource: boolean;
  /** Marked by editors as a key event: listed first, above the timeline. */
  key: boolean;
  /** Where it happened (a talks venue, a handover point), when reported. */
  place: PlaceView | null;
  publishedAt: string | null;
  updatedAt: string;
  actors: ActorRef[];
  citations: PublicCitation[];
  corrections: Array<{ id: string; note: string; correctedAt: string; localized: { note: LocalizedText } }>;
  /** What was handed over in this development (one batch): by whom, how many. */
  transfers: TransferView[];
  stageChange: Stage | null;
};

export type TimelinePage = {
  items: DevelopmentView[];
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
  order: "newest" | "oldest";
};
