// Plain, JSON-safe shapes handed to reader pages (and cached): dates are ISO strings.
import type {
  ActorKind,
  DatePrecision,
  DevelopmentKind,
  ParticipationRole,
  ReleaseCategory,
  Reliability,
  SourceKind,
  Stage,
  TermsStatus,
  ValueQualifier,
} from "@/lib/generated/prisma/enums";

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
};

export type ActorRef = { slug: string; name: string; shortName: string | null; kind: ActorKind };

export type TermsItemView = {
  id: string;
  releasing: ActorRef;
  receiving: ActorRef;
  countExact: number | null;
  countMin: number | null;
  countMax: number | null;
  countWording: string | null;
  category: ReleaseCategory;
  description: string;
  released: number;
  /** The number progress is measured against; null when only wording is known. */
  target: number | null;
};

export type TermsVersionView = {
  id: string;
  number: number;
  phase: string | null;
  proposedOn: string;
  proposedPrecision: DatePrecision;
  proposedBy: ActorRef | null;
  status: TermsStatus;
  summary: string;
  items: TermsItemView[];
  citations: PublicCitation[];
};

export type FigureView = {
  slug: string;
  label: string;
  unit: string;
  description: string;
  claims: Array<{
    id: string;
    wording: string;
    valueMin: number | null;
    valueMax: number | null;
    qualifier: ValueQualifier | null;
    asOf: string | null;
    asOfPrecision: DatePrecision;
    note: string;
    citations: PublicCitation[];
  }>;
};

export type NegotiationView = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  region: string;
  country: string;
  startedOn: string | null;
  stage: Stage;
  publishedAt: string | null;
  updatedAt: string;
  participants: Array<{ role: ParticipationRole; side: string | null; description: string; actor: ActorRef }>;
  stageHistory: Array<{
    stage: Stage;
    effectiveOn: string;
    effectivePrecision: DatePrecision;
    note: string;
    developmentId: string | null;
  }>;
  /** Newest first; the first is the current terms. */
  termsVersions: TermsVersionView[];
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
  kind: DevelopmentKind;
  singleAnonymousSource: boolean;
  publishedAt: string | null;
  updatedAt: string;
  actors: ActorRef[];
  citations: PublicCitation[];
  corrections: Array<{ id: string; note: string; correctedAt: string }>;
};

export type TimelinePage = {
  items: DevelopmentView[];
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
  order: "newest" | "oldest";
};
