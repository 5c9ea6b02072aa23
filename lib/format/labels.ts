import type { ReleaseCategory, Stage, TermsStatus } from "@/lib/generated/prisma/enums";

export const stageLabels: Record<Stage, string> = {
  PRE_TALKS: "Pre-talks",
  TALKS: "Talks",
  AGREEMENT: "Agreement",
  IMPLEMENTATION: "Implementation",
  CONCLUDED: "Concluded",
  COLLAPSED: "Collapsed",
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
  FIGHTERS: { one: "fighter", many: "fighters" },
  POLITICAL_DETAINEES: { one: "political detainee", many: "political detainees" },
  HOSTAGES: { one: "hostage", many: "hostages" },
  REMAINS: { one: "set of remains", many: "sets of remains" },
  OTHER: { one: "person", many: "people" },
};
