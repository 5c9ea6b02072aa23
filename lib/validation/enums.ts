// The database's enums as zod schemas and value lists, built from the values Prisma
// generates from schema.prisma: a value added there reaches every form, action, API
// contract and seed check without a list copied by hand (which would silently refuse
// it, or accept a value the database rejects).
import { z } from "zod";
import {
  ActorKind,
  CitationAssessment,
  DatePrecision,
  DevelopmentKind,
  ParticipationRole,
  QuantityKind,
  QuantityQualifier,
  ReleaseCategory,
  Reliability,
  Role,
  SourceKind,
  SourceStatus,
  Stage,
  TermsStatus,
} from "@/lib/generated/prisma/enums";

/** An enum's values in schema.prisma's order, typed as the enum (for selects and checks). */
function valuesOf<E extends Record<string, string>>(prismaEnum: E): Array<E[keyof E]> {
  return Object.values(prismaEnum) as Array<E[keyof E]>;
}

export const stages = valuesOf(Stage);
export const termsStatuses = valuesOf(TermsStatus);
export const releaseCategories = valuesOf(ReleaseCategory);
export const developmentKinds = valuesOf(DevelopmentKind);
export const actorKinds = valuesOf(ActorKind);
export const participationRoles = valuesOf(ParticipationRole);
export const sourceKinds = valuesOf(SourceKind);
export const reliabilityRatings = valuesOf(Reliability);
export const sourceStatuses = valuesOf(SourceStatus);
export const quantityKinds = valuesOf(QuantityKind);
export const quantityQualifiers = valuesOf(QuantityQualifier);
export const citationAssessments = valuesOf(CitationAssessment);
export const datePrecisions = valuesOf(DatePrecision);
export const roles = valuesOf(Role);

export const stageSchema = z.enum(Stage);
export const termsStatusSchema = z.enum(TermsStatus);
export const releaseCategorySchema = z.enum(ReleaseCategory);
export const developmentKindSchema = z.enum(DevelopmentKind);
export const actorKindSchema = z.enum(ActorKind);
export const participationRoleSchema = z.enum(ParticipationRole);
export const sourceKindSchema = z.enum(SourceKind);
export const reliabilitySchema = z.enum(Reliability);
export const sourceStatusSchema = z.enum(SourceStatus);
export const quantityKindSchema = z.enum(QuantityKind);
export const quantityQualifierSchema = z.enum(QuantityQualifier);
export const citationAssessmentSchema = z.enum(CitationAssessment);
export const datePrecisionSchema = z.enum(DatePrecision);
export const roleSchema = z.enum(Role);
