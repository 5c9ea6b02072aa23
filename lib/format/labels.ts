import type {
  ActorKind,
  CitationAssessment,
  DevelopmentKind,
  ParticipationRole,
  ReleaseCategory,
  Reliability,
  SourceKind,
  SourceStatus,
  Stage,
  TermsStatus,
} from "@/lib/generated/prisma/enums";

export const stageLabels: Record<Stage, string> = {
  PRE_TALKS: "Pre-talks",
  TALKS: "Talks",
  AGREEMENT: "Agreement",
  IMPLEMENTATION: "Implementation",
  CONCLUDED: "Concluded",
  COLLAPSED: "Collapsed",
  STALLED: "Stalled",
  SUSPENDED: "Suspended",
};

/** Stages after which a negotiation is no longer live. */
export const finishedStages: readonly Stage[] = ["CONCLUDED", "COLLAPSED"];

export const termsStatusLabels: Record<TermsStatus, string> = {
  PROPOSED: "Proposed",
  COUNTERED: "Countered",
  AGREED: "Agreed",
  PARTIALLY_IMPLEMENTED: "Partially implemented",
  IMPLEMENTED: "Implemented",
  WITHDRAWN: "Withdrawn",
};

export const categoryLabels: Record<ReleaseCategory, { one: string; many: string }> = {
  CIVILIANS: { one: "civilian", many: "civilians" },
  SECURITY_PERSONNEL: { one: "security officer", many: "security personnel" },
  PRISONERS_OF_WAR: { one: "prisoner of war", many: "prisoners of war" },
  FIGHTERS: { one: "fighter", many: "fighters" },
  DETAINEES: { one: "detainee", many: "detainees" },
  POLITICAL_DETAINEES: { one: "political detainee", many: "political detainees" },
  HOSTAGES: { one: "hostage", many: "hostages" },
  REMAINS: { one: "set of remains", many: "sets of remains" },
  OTHER: { one: "person", many: "people" },
};

/** Release categories as form choices, in the order above. */
export const releaseCategoryOptions = (Object.keys(categoryLabels) as ReleaseCategory[]).map((value) => ({
  value,
  label: categoryLabels[value].many,
}));

export const developmentKindLabels: Record<DevelopmentKind, string> = {
  TALKS: "Talks",
  STATEMENT: "Statement",
  PROPOSAL: "Proposal",
  RELEASE: "Release",
  VIOLENCE: "Violence",
  ACCESS_AID: "Access and aid",
  OTHER: "Other",
};

export const participationRoleLabels: Record<ParticipationRole, { one: string; many: string }> = {
  PARTY: { one: "Party", many: "Parties" },
  MEDIATOR: { one: "Mediator", many: "Mediators" },
  GUARANTOR: { one: "Guarantor", many: "Guarantors" },
  OBSERVER: { one: "Observer", many: "Observers" },
  INTERMEDIARY: { one: "Intermediary", many: "Intermediaries" },
};

export const actorKindLabels: Record<ActorKind, string> = {
  GOVERNMENT: "Government",
  MINISTRY: "Ministry",
  ARMED_GROUP: "Armed group",
  COMMUNITY_LEADER: "Community leader",
  COMMUNITY_GROUP: "Community group",
  INTERNATIONAL_BODY: "International body",
  NGO: "Non-governmental organisation",
  OTHER: "Other",
};

export const sourceKindLabels: Record<SourceKind, string> = {
  WIRE_AGENCY: "Wire agency",
  OUTLET: "News outlet",
  MONITOR: "Monitor / NGO",
  GOVERNMENT: "Government",
  ARMED_GROUP: "Armed group",
  INDIVIDUAL: "Individual",
  ANONYMOUS: "Anonymous source",
  OTHER: "Other",
};

/** An Admiralty-style scale, as used in intelligence and open-source investigation. */
export const reliabilityLabels: Record<Reliability, { short: string; meaning: string }> = {
  A: { short: "A", meaning: "Completely reliable: a long record of accuracy" },
  B: { short: "B", meaning: "Usually reliable: minor doubts, mostly accurate" },
  C: { short: "C", meaning: "Fairly reliable: doubts, but has been accurate before" },
  D: { short: "D", meaning: "Not usually reliable: significant doubts" },
  E: { short: "E", meaning: "Unreliable: a record of inaccuracy" },
  F: { short: "F", meaning: "Cannot be judged: not enough to go on (e.g. anonymous)" },
};

export const sourceStatusLabels: Record<SourceStatus, string> = {
  PROPOSED: "Proposed, awaiting review",
  ACTIVE: "Active",
  ARCHIVED: "Archived",
};

export const citationAssessmentLabels: Record<CitationAssessment, string> = {
  UNASSESSED: "Not yet assessed",
  CORROBORATED: "Corroborated by later reporting",
  CONTRADICTED: "Contradicted by later reporting",
};
