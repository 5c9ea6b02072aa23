-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Stage" AS ENUM ('PRE_TALKS', 'TALKS', 'AGREEMENT', 'IMPLEMENTATION', 'CONCLUDED', 'COLLAPSED');

-- CreateEnum
CREATE TYPE "PublicationState" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('GOVERNMENT', 'MINISTRY', 'ARMED_GROUP', 'COMMUNITY_LEADER', 'COMMUNITY_GROUP', 'INTERNATIONAL_BODY', 'NGO', 'OTHER');

-- CreateEnum
CREATE TYPE "ParticipationRole" AS ENUM ('PARTY', 'MEDIATOR', 'GUARANTOR', 'OBSERVER');

-- CreateEnum
CREATE TYPE "TermsStatus" AS ENUM ('PROPOSED', 'COUNTERED', 'AGREED', 'PARTIALLY_IMPLEMENTED', 'IMPLEMENTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ReleaseCategory" AS ENUM ('CIVILIANS', 'SECURITY_PERSONNEL', 'FIGHTERS', 'POLITICAL_DETAINEES', 'HOSTAGES', 'REMAINS', 'OTHER');

-- CreateEnum
CREATE TYPE "DevelopmentKind" AS ENUM ('TALKS', 'STATEMENT', 'PROPOSAL', 'RELEASE', 'VIOLENCE', 'ACCESS_AID', 'OTHER');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('WIRE_AGENCY', 'OUTLET', 'MONITOR', 'GOVERNMENT', 'ARMED_GROUP', 'INDIVIDUAL', 'ANONYMOUS', 'OTHER');

-- CreateEnum
CREATE TYPE "Reliability" AS ENUM ('A', 'B', 'C', 'D', 'E', 'F');

-- CreateEnum
CREATE TYPE "SourceStatus" AS ENUM ('PROPOSED', 'ACTIVE', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "ValueQualifier" AS ENUM ('EXACT', 'AT_LEAST', 'MORE_THAN', 'AT_MOST', 'APPROXIMATELY');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('JOURNALIST', 'ADMIN');

-- CreateTable
CREATE TABLE "Negotiation" (
    "id" UUID NOT NULL,
    "slug" VARCHAR(120) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "summary" VARCHAR(4000) NOT NULL DEFAULT '',
    "region" VARCHAR(120) NOT NULL,
    "country" VARCHAR(120) NOT NULL,
    "startedOn" DATE,
    "stage" "Stage" NOT NULL DEFAULT 'PRE_TALKS',
    "publication" "PublicationState" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMPTZ(3),
    "archivedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Negotiation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StageChange" (
    "id" UUID NOT NULL,
    "negotiationId" UUID NOT NULL,
    "stage" "Stage" NOT NULL,
    "effectiveOn" DATE NOT NULL,
    "effectivePrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "note" VARCHAR(1000) NOT NULL DEFAULT '',
    "developmentId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StageChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Actor" (
    "id" UUID NOT NULL,
    "slug" VARCHAR(120) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "shortName" VARCHAR(80),
    "kind" "ActorKind" NOT NULL,
    "country" VARCHAR(120),
    "description" VARCHAR(2000) NOT NULL DEFAULT '',
    "parentId" UUID,
    "archivedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Actor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActorAlias" (
    "id" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "language" VARCHAR(35) NOT NULL DEFAULT 'und',

    CONSTRAINT "ActorAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Participation" (
    "id" UUID NOT NULL,
    "negotiationId" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "role" "ParticipationRole" NOT NULL,
    "side" VARCHAR(120),
    "description" VARCHAR(1000) NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Participation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TermsVersion" (
    "id" UUID NOT NULL,
    "negotiationId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "phase" VARCHAR(80),
    "proposedOn" DATE NOT NULL,
    "proposedPrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "proposedById" UUID,
    "status" "TermsStatus" NOT NULL DEFAULT 'PROPOSED',
    "summary" VARCHAR(2000) NOT NULL DEFAULT '',
    "supersedesId" UUID,
    "publication" "PublicationState" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMPTZ(3),
    "archivedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TermsVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TermsItem" (
    "id" UUID NOT NULL,
    "termsVersionId" UUID NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "releasingActorId" UUID NOT NULL,
    "receivingActorId" UUID NOT NULL,
    "countExact" INTEGER,
    "countMin" INTEGER,
    "countMax" INTEGER,
    "countWording" VARCHAR(80),
    "category" "ReleaseCategory" NOT NULL,
    "description" VARCHAR(1000) NOT NULL DEFAULT '',

    CONSTRAINT "TermsItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImplementationStep" (
    "id" UUID NOT NULL,
    "termsItemId" UUID NOT NULL,
    "releasedCount" INTEGER NOT NULL,
    "occurredOn" DATE NOT NULL,
    "occurredPrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "note" VARCHAR(1000) NOT NULL DEFAULT '',
    "developmentId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImplementationStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Development" (
    "id" UUID NOT NULL,
    "negotiationId" UUID NOT NULL,
    "occurredOn" DATE NOT NULL,
    "occurredPrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "occurredAt" TIMESTAMPTZ(3),
    "reportedAt" TIMESTAMPTZ(3),
    "title" VARCHAR(200) NOT NULL,
    "summary" VARCHAR(4000) NOT NULL,
    "kind" "DevelopmentKind" NOT NULL,
    "termsVersionId" UUID,
    "publication" "PublicationState" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMPTZ(3),
    "archivedAt" TIMESTAMPTZ(3),
    "singleAnonymousSource" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Development_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DevelopmentActor" (
    "developmentId" UUID NOT NULL,
    "actorId" UUID NOT NULL,

    CONSTRAINT "DevelopmentActor_pkey" PRIMARY KEY ("developmentId","actorId")
);

-- CreateTable
CREATE TABLE "Correction" (
    "id" UUID NOT NULL,
    "developmentId" UUID NOT NULL,
    "note" VARCHAR(1000) NOT NULL,
    "correctedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "correctedById" UUID,

    CONSTRAINT "Correction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" UUID NOT NULL,
    "slug" VARCHAR(120) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "url" VARCHAR(2000),
    "language" VARCHAR(35),
    "publicDescription" VARCHAR(2000) NOT NULL DEFAULT '',
    "reliability" "Reliability" NOT NULL DEFAULT 'F',
    "ratingRationale" VARCHAR(2000) NOT NULL DEFAULT '',
    "status" "SourceStatus" NOT NULL DEFAULT 'ACTIVE',
    "mergedIntoId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceConfidential" (
    "sourceId" UUID NOT NULL,
    "notes" VARCHAR(8000) NOT NULL DEFAULT '',
    "contactConditions" VARCHAR(2000) NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SourceConfidential_pkey" PRIMARY KEY ("sourceId")
);

-- CreateTable
CREATE TABLE "Citation" (
    "id" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "viaSourceId" UUID,
    "developmentId" UUID,
    "termsVersionId" UUID,
    "figureClaimId" UUID,
    "attribution" VARCHAR(500) NOT NULL,
    "url" VARCHAR(2000),
    "excerpt" VARCHAR(1000) NOT NULL DEFAULT '',
    "publishedOn" DATE,
    "accessedOn" DATE,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Figure" (
    "id" UUID NOT NULL,
    "negotiationId" UUID NOT NULL,
    "slug" VARCHAR(120) NOT NULL,
    "label" VARCHAR(200) NOT NULL,
    "unit" VARCHAR(80) NOT NULL,
    "description" VARCHAR(2000) NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "publication" "PublicationState" NOT NULL DEFAULT 'DRAFT',
    "archivedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Figure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FigureClaim" (
    "id" UUID NOT NULL,
    "figureId" UUID NOT NULL,
    "valueMin" INTEGER,
    "valueMax" INTEGER,
    "qualifier" "ValueQualifier",
    "wording" VARCHAR(120) NOT NULL,
    "asOf" DATE,
    "asOfPrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "note" VARCHAR(1000) NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FigureClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'JOURNALIST',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "passwordHash" VARCHAR(255),
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" UUID,
    "action" VARCHAR(80) NOT NULL,
    "entityType" VARCHAR(40) NOT NULL,
    "entityId" VARCHAR(80) NOT NULL,
    "negotiationId" UUID,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Negotiation_slug_key" ON "Negotiation"("slug");

-- CreateIndex
CREATE INDEX "Negotiation_publication_archivedAt_updatedAt_idx" ON "Negotiation"("publication", "archivedAt", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "StageChange_developmentId_key" ON "StageChange"("developmentId");

-- CreateIndex
CREATE INDEX "StageChange_negotiationId_effectiveOn_idx" ON "StageChange"("negotiationId", "effectiveOn");

-- CreateIndex
CREATE UNIQUE INDEX "Actor_slug_key" ON "Actor"("slug");

-- CreateIndex
CREATE INDEX "Actor_name_idx" ON "Actor"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ActorAlias_actorId_name_key" ON "ActorAlias"("actorId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Participation_negotiationId_actorId_role_key" ON "Participation"("negotiationId", "actorId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "TermsVersion_supersedesId_key" ON "TermsVersion"("supersedesId");

-- CreateIndex
CREATE UNIQUE INDEX "TermsVersion_negotiationId_number_key" ON "TermsVersion"("negotiationId", "number");

-- CreateIndex
CREATE INDEX "TermsItem_termsVersionId_position_idx" ON "TermsItem"("termsVersionId", "position");

-- CreateIndex
CREATE INDEX "ImplementationStep_termsItemId_idx" ON "ImplementationStep"("termsItemId");

-- CreateIndex
CREATE INDEX "Development_negotiationId_publication_occurredOn_id_idx" ON "Development"("negotiationId", "publication", "occurredOn" DESC, "id");

-- CreateIndex
CREATE INDEX "DevelopmentActor_actorId_idx" ON "DevelopmentActor"("actorId");

-- CreateIndex
CREATE INDEX "Correction_developmentId_correctedAt_idx" ON "Correction"("developmentId", "correctedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Source_slug_key" ON "Source"("slug");

-- CreateIndex
CREATE INDEX "Source_name_idx" ON "Source"("name");

-- CreateIndex
CREATE INDEX "Source_status_kind_reliability_idx" ON "Source"("status", "kind", "reliability");

-- CreateIndex
CREATE INDEX "Citation_developmentId_idx" ON "Citation"("developmentId");

-- CreateIndex
CREATE INDEX "Citation_termsVersionId_idx" ON "Citation"("termsVersionId");

-- CreateIndex
CREATE INDEX "Citation_figureClaimId_idx" ON "Citation"("figureClaimId");

-- CreateIndex
CREATE INDEX "Citation_sourceId_idx" ON "Citation"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Figure_negotiationId_slug_key" ON "Figure"("negotiationId", "slug");

-- CreateIndex
CREATE INDEX "FigureClaim_figureId_position_idx" ON "FigureClaim"("figureId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_at_idx" ON "AuditEntry"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_negotiationId_at_idx" ON "AuditEntry"("negotiationId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_userId_at_idx" ON "AuditEntry"("userId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- AddForeignKey
ALTER TABLE "StageChange" ADD CONSTRAINT "StageChange_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageChange" ADD CONSTRAINT "StageChange_developmentId_fkey" FOREIGN KEY ("developmentId") REFERENCES "Development"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Actor" ADD CONSTRAINT "Actor_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorAlias" ADD CONSTRAINT "ActorAlias_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participation" ADD CONSTRAINT "Participation_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participation" ADD CONSTRAINT "Participation_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermsVersion" ADD CONSTRAINT "TermsVersion_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermsVersion" ADD CONSTRAINT "TermsVersion_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermsVersion" ADD CONSTRAINT "TermsVersion_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "TermsVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermsItem" ADD CONSTRAINT "TermsItem_termsVersionId_fkey" FOREIGN KEY ("termsVersionId") REFERENCES "TermsVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermsItem" ADD CONSTRAINT "TermsItem_releasingActorId_fkey" FOREIGN KEY ("releasingActorId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TermsItem" ADD CONSTRAINT "TermsItem_receivingActorId_fkey" FOREIGN KEY ("receivingActorId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImplementationStep" ADD CONSTRAINT "ImplementationStep_termsItemId_fkey" FOREIGN KEY ("termsItemId") REFERENCES "TermsItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImplementationStep" ADD CONSTRAINT "ImplementationStep_developmentId_fkey" FOREIGN KEY ("developmentId") REFERENCES "Development"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Development" ADD CONSTRAINT "Development_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Development" ADD CONSTRAINT "Development_termsVersionId_fkey" FOREIGN KEY ("termsVersionId") REFERENCES "TermsVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Development" ADD CONSTRAINT "Development_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DevelopmentActor" ADD CONSTRAINT "DevelopmentActor_developmentId_fkey" FOREIGN KEY ("developmentId") REFERENCES "Development"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DevelopmentActor" ADD CONSTRAINT "DevelopmentActor_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_developmentId_fkey" FOREIGN KEY ("developmentId") REFERENCES "Development"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_correctedById_fkey" FOREIGN KEY ("correctedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceConfidential" ADD CONSTRAINT "SourceConfidential_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_viaSourceId_fkey" FOREIGN KEY ("viaSourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_developmentId_fkey" FOREIGN KEY ("developmentId") REFERENCES "Development"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_termsVersionId_fkey" FOREIGN KEY ("termsVersionId") REFERENCES "TermsVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_figureClaimId_fkey" FOREIGN KEY ("figureClaimId") REFERENCES "FigureClaim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Figure" ADD CONSTRAINT "Figure_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FigureClaim" ADD CONSTRAINT "FigureClaim_figureId_fkey" FOREIGN KEY ("figureId") REFERENCES "Figure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ───── Invariants Prisma cannot express (hand-written) ─────

-- Slugs are URL-safe and lower-case.
ALTER TABLE "Negotiation" ADD CONSTRAINT "Negotiation_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE "Actor" ADD CONSTRAINT "Actor_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE "Source" ADD CONSTRAINT "Source_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE "Figure" ADD CONSTRAINT "Figure_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');

-- Required text is never blank.
ALTER TABLE "Negotiation" ADD CONSTRAINT "Negotiation_title_not_blank" CHECK (btrim("title") <> '');
ALTER TABLE "Actor" ADD CONSTRAINT "Actor_name_not_blank" CHECK (btrim("name") <> '');
ALTER TABLE "Development" ADD CONSTRAINT "Development_title_not_blank" CHECK (btrim("title") <> '');
ALTER TABLE "Development" ADD CONSTRAINT "Development_summary_not_blank" CHECK (btrim("summary") <> '');
ALTER TABLE "Source" ADD CONSTRAINT "Source_name_not_blank" CHECK (btrim("name") <> '');
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_attribution_not_blank" CHECK (btrim("attribution") <> '');
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_note_not_blank" CHECK (btrim("note") <> '');

-- Published rows carry their publication time.
ALTER TABLE "Negotiation" ADD CONSTRAINT "Negotiation_published_has_time" CHECK ("publication" <> 'PUBLISHED' OR "publishedAt" IS NOT NULL);
ALTER TABLE "TermsVersion" ADD CONSTRAINT "TermsVersion_published_has_time" CHECK ("publication" <> 'PUBLISHED' OR "publishedAt" IS NOT NULL);
ALTER TABLE "Development" ADD CONSTRAINT "Development_published_has_time" CHECK ("publication" <> 'PUBLISHED' OR "publishedAt" IS NOT NULL);

-- A month-precise date is stored as the 1st; a year-precise one as 1 January.
ALTER TABLE "Development" ADD CONSTRAINT "Development_occurred_precision" CHECK (
  ("occurredPrecision" = 'DAY') OR
  ("occurredPrecision" = 'MONTH' AND EXTRACT(DAY FROM "occurredOn") = 1) OR
  ("occurredPrecision" = 'YEAR' AND EXTRACT(DAY FROM "occurredOn") = 1 AND EXTRACT(MONTH FROM "occurredOn") = 1));
ALTER TABLE "Development" ADD CONSTRAINT "Development_time_needs_day" CHECK ("occurredAt" IS NULL OR "occurredPrecision" = 'DAY');
ALTER TABLE "StageChange" ADD CONSTRAINT "StageChange_effective_precision" CHECK (
  ("effectivePrecision" = 'DAY') OR
  ("effectivePrecision" = 'MONTH' AND EXTRACT(DAY FROM "effectiveOn") = 1) OR
  ("effectivePrecision" = 'YEAR' AND EXTRACT(DAY FROM "effectiveOn") = 1 AND EXTRACT(MONTH FROM "effectiveOn") = 1));
ALTER TABLE "TermsVersion" ADD CONSTRAINT "TermsVersion_proposed_precision" CHECK (
  ("proposedPrecision" = 'DAY') OR
  ("proposedPrecision" = 'MONTH' AND EXTRACT(DAY FROM "proposedOn") = 1) OR
  ("proposedPrecision" = 'YEAR' AND EXTRACT(DAY FROM "proposedOn") = 1 AND EXTRACT(MONTH FROM "proposedOn") = 1));
ALTER TABLE "ImplementationStep" ADD CONSTRAINT "ImplementationStep_occurred_precision" CHECK (
  ("occurredPrecision" = 'DAY') OR
  ("occurredPrecision" = 'MONTH' AND EXTRACT(DAY FROM "occurredOn") = 1) OR
  ("occurredPrecision" = 'YEAR' AND EXTRACT(DAY FROM "occurredOn") = 1 AND EXTRACT(MONTH FROM "occurredOn") = 1));

-- Terms: version numbers count from 1; a version never supersedes itself.
ALTER TABLE "TermsVersion" ADD CONSTRAINT "TermsVersion_number_positive" CHECK ("number" > 0);
ALTER TABLE "TermsVersion" ADD CONSTRAINT "TermsVersion_not_self_superseding" CHECK ("supersedesId" IS NULL OR "supersedesId" <> "id");

-- Terms items: exact count, or range (low end required, low <= high), or wording alone.
ALTER TABLE "TermsItem" ADD CONSTRAINT "TermsItem_count_form" CHECK (
  ("countExact" IS NOT NULL AND "countMin" IS NULL AND "countMax" IS NULL) OR
  ("countExact" IS NULL AND "countMin" IS NOT NULL AND ("countMax" IS NULL OR "countMax" >= "countMin")) OR
  ("countExact" IS NULL AND "countMin" IS NULL AND "countMax" IS NULL AND "countWording" IS NOT NULL AND btrim("countWording") <> ''));
ALTER TABLE "TermsItem" ADD CONSTRAINT "TermsItem_counts_non_negative" CHECK (
  COALESCE("countExact", 0) >= 0 AND COALESCE("countMin", 0) >= 0 AND COALESCE("countMax", 0) >= 0);
ALTER TABLE "TermsItem" ADD CONSTRAINT "TermsItem_distinct_sides" CHECK ("releasingActorId" <> "receivingActorId");
ALTER TABLE "ImplementationStep" ADD CONSTRAINT "ImplementationStep_count_positive" CHECK ("releasedCount" > 0);

-- Figures: non-negative values, ordered ranges.
ALTER TABLE "FigureClaim" ADD CONSTRAINT "FigureClaim_values" CHECK (
  COALESCE("valueMin", 0) >= 0 AND ("valueMax" IS NULL OR "valueMin" IS NULL OR "valueMax" >= "valueMin"));

-- A citation supports exactly one thing, and a source is never relayed by itself.
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_one_target" CHECK (num_nonnulls("developmentId", "termsVersionId", "figureClaimId") = 1);
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_via_other_source" CHECK ("viaSourceId" IS NULL OR "viaSourceId" <> "sourceId");
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_url_http" CHECK ("url" IS NULL OR "url" ~ '^https?://');
ALTER TABLE "Source" ADD CONSTRAINT "Source_url_http" CHECK ("url" IS NULL OR "url" ~ '^https?://');
ALTER TABLE "Source" ADD CONSTRAINT "Source_not_merged_into_self" CHECK ("mergedIntoId" IS NULL OR "mergedIntoId" <> "id");
ALTER TABLE "Actor" ADD CONSTRAINT "Actor_not_own_parent" CHECK ("parentId" IS NULL OR "parentId" <> "id");

-- Users: e-mail stored lower-cased so uniqueness is case-insensitive.
ALTER TABLE "User" ADD CONSTRAINT "User_email_lowercase" CHECK ("email" = lower("email") AND position('@' in "email") > 1);

-- Optimistic-concurrency counters only move up from 1.
ALTER TABLE "Negotiation" ADD CONSTRAINT "Negotiation_version_positive" CHECK ("version" > 0);
ALTER TABLE "TermsVersion" ADD CONSTRAINT "TermsVersion_version_positive" CHECK ("version" > 0);
ALTER TABLE "Development" ADD CONSTRAINT "Development_version_positive" CHECK ("version" > 0);
ALTER TABLE "Source" ADD CONSTRAINT "Source_version_positive" CHECK ("version" > 0);

-- The audit trail is append-only, whatever code runs against the database.
CREATE FUNCTION "AuditEntry_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEntry rows are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "AuditEntry_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION "AuditEntry_refuse_change"();
CREATE TRIGGER "AuditEntry_no_truncate"
  BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "AuditEntry_refuse_change"();
