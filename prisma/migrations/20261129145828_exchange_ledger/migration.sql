-- The exchange ledger: phases, obligations with a stable identity across terms versions,
-- transfers recorded against obligations, one quantity type. Existing terms items and
-- implementation steps are converted (see the data section), then their tables dropped.

-- CreateEnum
CREATE TYPE "QuantityKind" AS ENUM ('EXACT', 'RANGE', 'APPROXIMATE', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "QuantityQualifier" AS ENUM ('ABOUT', 'AT_LEAST', 'MORE_THAN', 'UP_TO', 'FEWER_THAN');

-- AlterEnum (the new values are not used in this migration's data section)
ALTER TYPE "Stage" ADD VALUE 'STALLED';
ALTER TYPE "Stage" ADD VALUE 'SUSPENDED';
ALTER TYPE "ParticipationRole" ADD VALUE 'INTERMEDIARY';
ALTER TYPE "ReleaseCategory" ADD VALUE 'PRISONERS_OF_WAR' AFTER 'SECURITY_PERSONNEL';
ALTER TYPE "ReleaseCategory" ADD VALUE 'DETAINEES' AFTER 'FIGHTERS';

-- CreateTable
CREATE TABLE "Phase" (
    "id" UUID NOT NULL,
    "negotiationId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "name" VARCHAR(120) NOT NULL DEFAULT '',
    "summary" VARCHAR(2000) NOT NULL DEFAULT '',
    "startedOn" DATE,
    "startedPrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "endedOn" DATE,
    "endedPrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Phase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Obligation" (
    "id" UUID NOT NULL,
    "negotiationId" UUID NOT NULL,
    "phaseId" UUID NOT NULL,
    "releasingActorId" UUID NOT NULL,
    "receivingActorId" UUID NOT NULL,
    "category" "ReleaseCategory" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Obligation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObligationTerm" (
    "id" UUID NOT NULL,
    "termsVersionId" UUID NOT NULL,
    "obligationId" UUID NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "quantityKind" "QuantityKind",
    "quantityValue" INTEGER,
    "quantityMin" INTEGER,
    "quantityMax" INTEGER,
    "quantityQualifier" "QuantityQualifier",
    "quantityWording" VARCHAR(120),
    "perUnit" INTEGER,
    "perUnitOfId" UUID,
    "description" VARCHAR(1000) NOT NULL DEFAULT '',
    "withdrawn" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ObligationTerm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObligationBreakdown" (
    "id" UUID NOT NULL,
    "obligationTermId" UUID NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "label" VARCHAR(120) NOT NULL,
    "category" "ReleaseCategory",
    "quantityKind" "QuantityKind" NOT NULL,
    "quantityValue" INTEGER,
    "quantityMin" INTEGER,
    "quantityMax" INTEGER,
    "quantityQualifier" "QuantityQualifier",
    "quantityWording" VARCHAR(120),

    CONSTRAINT "ObligationBreakdown_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Transfer" (
    "id" UUID NOT NULL,
    "obligationId" UUID NOT NULL,
    "developmentId" UUID,
    "position" INTEGER NOT NULL DEFAULT 0,
    "quantityKind" "QuantityKind" NOT NULL,
    "quantityValue" INTEGER,
    "quantityMin" INTEGER,
    "quantityMax" INTEGER,
    "quantityQualifier" "QuantityQualifier",
    "quantityWording" VARCHAR(120),
    "occurredOn" DATE,
    "occurredPrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "place" VARCHAR(200) NOT NULL DEFAULT '',
    "intermediaryId" UUID,
    "note" VARCHAR(1000) NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TransferAccount" (
    "id" UUID NOT NULL,
    "transferId" UUID NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "attributedToId" UUID,
    "attribution" VARCHAR(300) NOT NULL,
    "quantityKind" "QuantityKind" NOT NULL,
    "quantityValue" INTEGER,
    "quantityMin" INTEGER,
    "quantityMax" INTEGER,
    "quantityQualifier" "QuantityQualifier",
    "quantityWording" VARCHAR(120),
    "sourceUrl" VARCHAR(2000),

    CONSTRAINT "TransferAccount_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "Phase" ADD CONSTRAINT "Phase_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Obligation" ADD CONSTRAINT "Obligation_negotiationId_fkey" FOREIGN KEY ("negotiationId") REFERENCES "Negotiation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Obligation" ADD CONSTRAINT "Obligation_phaseId_fkey" FOREIGN KEY ("phaseId") REFERENCES "Phase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Obligation" ADD CONSTRAINT "Obligation_releasingActorId_fkey" FOREIGN KEY ("releasingActorId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Obligation" ADD CONSTRAINT "Obligation_receivingActorId_fkey" FOREIGN KEY ("receivingActorId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObligationTerm" ADD CONSTRAINT "ObligationTerm_termsVersionId_fkey" FOREIGN KEY ("termsVersionId") REFERENCES "TermsVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObligationTerm" ADD CONSTRAINT "ObligationTerm_obligationId_fkey" FOREIGN KEY ("obligationId") REFERENCES "Obligation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObligationTerm" ADD CONSTRAINT "ObligationTerm_perUnitOfId_fkey" FOREIGN KEY ("perUnitOfId") REFERENCES "Obligation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObligationBreakdown" ADD CONSTRAINT "ObligationBreakdown_obligationTermId_fkey" FOREIGN KEY ("obligationTermId") REFERENCES "ObligationTerm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_obligationId_fkey" FOREIGN KEY ("obligationId") REFERENCES "Obligation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_developmentId_fkey" FOREIGN KEY ("developmentId") REFERENCES "Development"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_intermediaryId_fkey" FOREIGN KEY ("intermediaryId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferAccount" ADD CONSTRAINT "TransferAccount_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "Transfer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransferAccount" ADD CONSTRAINT "TransferAccount_attributedToId_fkey" FOREIGN KEY ("attributedToId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ───── Data: today's terms into the ledger ─────

ALTER TABLE "StageChange" ALTER COLUMN "effectiveOn" DROP NOT NULL;

-- Creating a negotiation used to write a stage row dated "today", which outranked every
-- earlier-dated event. Those rows become undated (they sort before all dated ones);
-- createdAt still records when tracking started.
UPDATE "StageChange" SET "effectiveOn" = NULL
WHERE "developmentId" IS NULL AND "note" = 'Tracking started.';

-- One phase per distinct phase label of a negotiation's terms versions (unlabelled: one unnamed phase).
ALTER TABLE "TermsVersion" ADD COLUMN "phaseId" UUID;

INSERT INTO "Phase" ("id", "negotiationId", "number", "name", "createdAt", "updatedAt")
SELECT gen_random_uuid(), "negotiationId",
       row_number() OVER (PARTITION BY "negotiationId" ORDER BY first_number),
       label, first_created, first_created
FROM (
  SELECT "negotiationId", COALESCE("phase", '') AS label, min("number") AS first_number, min("createdAt") AS first_created
  FROM "TermsVersion" GROUP BY "negotiationId", COALESCE("phase", '')
) AS labels;

UPDATE "TermsVersion" v SET "phaseId" = p."id"
FROM "Phase" p
WHERE p."negotiationId" = v."negotiationId" AND p."name" = COALESCE(v."phase", '');

-- An item continues the obligation of the item in the version it supersedes (same phase)
-- with the same sides and category, matched in order of position; otherwise it starts one.
CREATE TEMPORARY TABLE "_item_obligation" ("itemId" UUID PRIMARY KEY, "obligationId" UUID NOT NULL);

DO $$
DECLARE v RECORD;
BEGIN
  FOR v IN SELECT "id", "supersedesId", "phaseId" FROM "TermsVersion" ORDER BY "negotiationId", "number" LOOP
    INSERT INTO "_item_obligation" ("itemId", "obligationId")
    SELECT cur."id", COALESCE(prev."obligationId", gen_random_uuid())
    FROM (
      SELECT i."id", i."releasingActorId", i."receivingActorId", i."category",
             row_number() OVER (PARTITION BY i."releasingActorId", i."receivingActorId", i."category" ORDER BY i."position", i."id") AS rank
      FROM "TermsItem" i WHERE i."termsVersionId" = v."id"
    ) AS cur
    LEFT JOIN (
      SELECT i."releasingActorId", i."receivingActorId", i."category", io."obligationId",
             row_number() OVER (PARTITION BY i."releasingActorId", i."receivingActorId", i."category" ORDER BY i."position", i."id") AS rank
      FROM "TermsItem" i
      JOIN "_item_obligation" io ON io."itemId" = i."id"
      JOIN "TermsVersion" pv ON pv."id" = i."termsVersionId"
      WHERE i."termsVersionId" = v."supersedesId" AND pv."phaseId" = v."phaseId"
    ) AS prev
      ON prev."releasingActorId" = cur."releasingActorId" AND prev."receivingActorId" = cur."receivingActorId"
     AND prev."category" = cur."category" AND prev.rank = cur.rank;
  END LOOP;
END $$;

INSERT INTO "Obligation" ("id", "negotiationId", "phaseId", "releasingActorId", "receivingActorId", "category", "createdAt")
SELECT DISTINCT ON (io."obligationId") io."obligationId", v."negotiationId", v."phaseId",
       i."releasingActorId", i."receivingActorId", i."category", v."createdAt"
FROM "_item_obligation" io
JOIN "TermsItem" i ON i."id" = io."itemId"
JOIN "TermsVersion" v ON v."id" = i."termsVersionId"
ORDER BY io."obligationId", v."number";

-- Counts: exact → EXACT; a range → RANGE; a low end alone ("at least") → APPROXIMATE AT_LEAST;
-- wording alone → UNKNOWN. The reported wording is kept in every case.
INSERT INTO "ObligationTerm" ("id", "termsVersionId", "obligationId", "position", "quantityKind", "quantityValue",
  "quantityMin", "quantityMax", "quantityQualifier", "quantityWording", "description")
SELECT i."id", i."termsVersionId", io."obligationId", i."position",
  CASE WHEN i."countExact" IS NOT NULL THEN 'EXACT'
       WHEN i."countMin" IS NOT NULL AND i."countMax" IS NOT NULL THEN 'RANGE'
       WHEN i."countMin" IS NOT NULL THEN 'APPROXIMATE'
       ELSE 'UNKNOWN' END::"QuantityKind",
  COALESCE(i."countExact", CASE WHEN i."countMax" IS NULL THEN i."countMin" END),
  CASE WHEN i."countExact" IS NULL AND i."countMax" IS NOT NULL THEN i."countMin" END,
  CASE WHEN i."countExact" IS NULL THEN i."countMax" END,
  CASE WHEN i."countExact" IS NULL AND i."countMin" IS NOT NULL AND i."countMax" IS NULL THEN 'AT_LEAST'::"QuantityQualifier" END,
  i."countWording", i."description"
FROM "TermsItem" i JOIN "_item_obligation" io ON io."itemId" = i."id";

-- Implementation steps become exact transfers against the item's obligation. A step dated as
-- its development leaves its own date empty, so it follows later corrections of that date.
INSERT INTO "Transfer" ("id", "obligationId", "developmentId", "quantityKind", "quantityValue",
  "occurredOn", "occurredPrecision", "note", "createdAt")
SELECT s."id", io."obligationId", s."developmentId", 'EXACT', s."releasedCount",
  CASE WHEN d."id" IS NOT NULL AND d."occurredOn" = s."occurredOn" AND d."occurredPrecision" = s."occurredPrecision"
       THEN NULL ELSE s."occurredOn" END,
  s."occurredPrecision", s."note", s."createdAt"
FROM "ImplementationStep" s
JOIN "_item_obligation" io ON io."itemId" = s."termsItemId"
LEFT JOIN "Development" d ON d."id" = s."developmentId";

DROP TABLE "_item_obligation";

ALTER TABLE "TermsVersion" ALTER COLUMN "phaseId" SET NOT NULL;
ALTER TABLE "TermsVersion" DROP COLUMN "phase";
DROP INDEX "TermsVersion_negotiationId_number_key";

-- DropTable (their rows now live in Obligation, ObligationTerm and Transfer)
DROP TABLE "ImplementationStep";
DROP TABLE "TermsItem";

-- CreateIndex
CREATE UNIQUE INDEX "Phase_negotiationId_number_key" ON "Phase"("negotiationId", "number");

-- CreateIndex
CREATE INDEX "Obligation_phaseId_idx" ON "Obligation"("phaseId");

-- CreateIndex
CREATE INDEX "Obligation_negotiationId_idx" ON "Obligation"("negotiationId");

-- CreateIndex
CREATE INDEX "ObligationTerm_obligationId_idx" ON "ObligationTerm"("obligationId");

-- CreateIndex
CREATE UNIQUE INDEX "ObligationTerm_termsVersionId_obligationId_key" ON "ObligationTerm"("termsVersionId", "obligationId");

-- CreateIndex
CREATE INDEX "ObligationBreakdown_obligationTermId_position_idx" ON "ObligationBreakdown"("obligationTermId", "position");

-- CreateIndex
CREATE INDEX "Transfer_obligationId_idx" ON "Transfer"("obligationId");

-- CreateIndex
CREATE INDEX "Transfer_developmentId_position_idx" ON "Transfer"("developmentId", "position");

-- CreateIndex
CREATE INDEX "TransferAccount_transferId_position_idx" ON "TransferAccount"("transferId", "position");

-- CreateIndex
CREATE INDEX "TermsVersion_negotiationId_idx" ON "TermsVersion"("negotiationId");

-- CreateIndex
CREATE UNIQUE INDEX "TermsVersion_phaseId_number_key" ON "TermsVersion"("phaseId", "number");

-- AddForeignKey
ALTER TABLE "TermsVersion" ADD CONSTRAINT "TermsVersion_phaseId_fkey" FOREIGN KEY ("phaseId") REFERENCES "Phase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ───── Invariants Prisma cannot express ─────

-- Quantities: which columns each kind uses (prisma/schema.prisma, enum QuantityKind); never negative.
ALTER TABLE "ObligationTerm" ADD CONSTRAINT "ObligationTerm_quantity_form" CHECK (
  ("quantityKind" IS NULL AND "quantityValue" IS NULL AND "quantityMin" IS NULL AND "quantityMax" IS NULL AND "quantityQualifier" IS NULL) OR
  ("quantityKind" = 'EXACT' AND "quantityValue" IS NOT NULL AND "quantityMin" IS NULL AND "quantityMax" IS NULL AND "quantityQualifier" IS NULL) OR
  ("quantityKind" = 'RANGE' AND "quantityValue" IS NULL AND "quantityMin" IS NOT NULL AND "quantityMax" IS NOT NULL AND "quantityMin" <= "quantityMax" AND "quantityQualifier" IS NULL) OR
  ("quantityKind" = 'APPROXIMATE' AND "quantityValue" IS NOT NULL AND "quantityMin" IS NULL AND "quantityMax" IS NULL AND "quantityQualifier" IS NOT NULL) OR
  ("quantityKind" = 'UNKNOWN' AND "quantityValue" IS NULL AND "quantityMin" IS NULL AND "quantityMax" IS NULL AND "quantityQualifier" IS NULL AND btrim(COALESCE("quantityWording", '')) <> ''));
ALTER TABLE "ObligationTerm" ADD CONSTRAINT "ObligationTerm_quantity_non_negative" CHECK (
  COALESCE("quantityValue", 0) >= 0 AND COALESCE("quantityMin", 0) >= 0 AND COALESCE("quantityMax", 0) >= 0);
ALTER TABLE "ObligationBreakdown" ADD CONSTRAINT "ObligationBreakdown_quantity_form" CHECK (
  ("quantityKind" = 'EXACT' AND "quantityValue" IS NOT NULL AND "quantityMin" IS NULL AND "quantityMax" IS NULL AND "quantityQualifier" IS NULL) OR
  ("quantityKind" = 'RANGE' AND "quantityValue" IS NULL AND "quantityMin" IS NOT NULL AND "quantityMax" IS NOT NULL AND "quantityMin" <= "quantityMax" AND "quantityQualifier" IS NULL) OR
  ("quantityKind" = 'APPROXIMATE' AND "quantityValue" IS NOT NULL AND "quantityMin" IS NULL AND "quantityMax" IS NULL AND "quantityQualifier" IS NOT NULL) OR
  ("quantityKind" = 'UNKNOWN' AND "quantityValue" IS NULL AND "quantityMin" IS NULL AND "quantityMax" IS NULL AND "quantityQualifier" IS NULL AND btrim(COALESCE("quantityWording", '')) <> ''));
ALTER TABLE "ObligationBreakdown" ADD CONSTRAINT "ObligationBreakdown_quantity_non_negative" CHECK (
  COALESCE("quantityValue", 0) >= 0 AND COALESCE("quantityMin", 0) >= 0 AND COALESCE("quantityMax", 0) >= 0);
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_quantity_form" CHECK (
  ("quantityKind" = 'EXACT' AND "quantityValue" IS NOT NULL AND "quantityMin" IS NULL AND "quantityMax" IS NULL AND "quantityQualifier" IS NULL) OR
  ("quantityKind" = 'RANGE' AND "quantityValue" IS NULL AND "quantityMin" IS NOT NULL AND "quantityMax" IS NOT NULL AND "quantityMin" <= "quantityMax" AND "quantityQualifier" IS NULL) OR
  ("quantityKind" = 'APPROXIMATE' AND "quantityValue" IS NOT NULL AND "quantityMin" IS NULL AND "quantityMax" IS NULL AND "quantityQualifier" IS NOT NULL) OR
  ("quantityKind" = 'UNKNOWN' AND "quantityValue" IS NULL AND "quantityMin" IS NULL AND "quantityMax" IS NULL AND "quantityQualifier" IS NULL AND btrim(COALESCE("quantityWording", '')) <> ''));
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_quantity_non_negative" CHECK (
  COALESCE("quantityValue", 0) >= 0 AND COALESCE("quantityMin", 0) >= 0 AND COALESCE("quantityMax", 0) >= 0);
ALTER TABLE "TransferAccount" ADD CONSTRAINT "TransferAccount_quantity_form" CHECK (
  ("quantityKind" = 'EXACT' AND "quantityValue" IS NOT NULL AND "quantityMin" IS NULL AND "quantityMax" IS NULL AND "quantityQualifier" IS NULL) OR
  ("quantityKind" = 'RANGE' AND "quantityValue" IS NULL AND "quantityMin" IS NOT NULL AND "quantityMax" IS NOT NULL AND "quantityMin" <= "quantityMax" AND "quantityQualifier" IS NULL) OR
  ("quantityKind" = 'APPROXIMATE' AND "quantityValue" IS NOT NULL AND "quantityMin" IS NULL AND "quantityMax" IS NULL AND "quantityQualifier" IS NOT NULL) OR
  ("quantityKind" = 'UNKNOWN' AND "quantityValue" IS NULL AND "quantityMin" IS NULL AND "quantityMax" IS NULL AND "quantityQualifier" IS NULL AND btrim(COALESCE("quantityWording", '')) <> ''));
ALTER TABLE "TransferAccount" ADD CONSTRAINT "TransferAccount_quantity_non_negative" CHECK (
  COALESCE("quantityValue", 0) >= 0 AND COALESCE("quantityMin", 0) >= 0 AND COALESCE("quantityMax", 0) >= 0);

-- An obligation term states a quantity or a ratio rule ("30 per unit of another obligation"), exactly one.
ALTER TABLE "ObligationTerm" ADD CONSTRAINT "ObligationTerm_quantity_or_ratio" CHECK (
  ("perUnit" IS NULL) = ("perUnitOfId" IS NULL) AND ("perUnit" IS NULL) <> ("quantityKind" IS NULL));
ALTER TABLE "ObligationTerm" ADD CONSTRAINT "ObligationTerm_ratio_positive" CHECK ("perUnit" IS NULL OR "perUnit" > 0);
ALTER TABLE "ObligationTerm" ADD CONSTRAINT "ObligationTerm_ratio_not_self" CHECK ("perUnitOfId" IS NULL OR "perUnitOfId" <> "obligationId");
ALTER TABLE "Obligation" ADD CONSTRAINT "Obligation_distinct_sides" CHECK ("releasingActorId" <> "receivingActorId");
ALTER TABLE "ObligationBreakdown" ADD CONSTRAINT "ObligationBreakdown_label_not_blank" CHECK (btrim("label") <> '');
ALTER TABLE "TransferAccount" ADD CONSTRAINT "TransferAccount_attribution_not_blank" CHECK (btrim("attribution") <> '');
ALTER TABLE "TransferAccount" ADD CONSTRAINT "TransferAccount_url_http" CHECK ("sourceUrl" IS NULL OR "sourceUrl" ~ '^https?://');
ALTER TABLE "Phase" ADD CONSTRAINT "Phase_number_positive" CHECK ("number" > 0);
ALTER TABLE "Phase" ADD CONSTRAINT "Phase_version_positive" CHECK ("version" > 0);
ALTER TABLE "Phase" ADD CONSTRAINT "Phase_ended_after_start" CHECK ("endedOn" IS NULL OR "startedOn" IS NULL OR "endedOn" >= "startedOn");
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_occurredOn_precision" CHECK (
  ("occurredPrecision" = 'DAY') OR
  ("occurredPrecision" = 'MONTH' AND EXTRACT(DAY FROM "occurredOn") = 1) OR
  ("occurredPrecision" = 'YEAR' AND EXTRACT(DAY FROM "occurredOn") = 1 AND EXTRACT(MONTH FROM "occurredOn") = 1));
ALTER TABLE "Phase" ADD CONSTRAINT "Phase_startedOn_precision" CHECK (
  ("startedPrecision" = 'DAY') OR
  ("startedPrecision" = 'MONTH' AND EXTRACT(DAY FROM "startedOn") = 1) OR
  ("startedPrecision" = 'YEAR' AND EXTRACT(DAY FROM "startedOn") = 1 AND EXTRACT(MONTH FROM "startedOn") = 1));
ALTER TABLE "Phase" ADD CONSTRAINT "Phase_endedOn_precision" CHECK (
  ("endedPrecision" = 'DAY') OR
  ("endedPrecision" = 'MONTH' AND EXTRACT(DAY FROM "endedOn") = 1) OR
  ("endedPrecision" = 'YEAR' AND EXTRACT(DAY FROM "endedOn") = 1 AND EXTRACT(MONTH FROM "endedOn") = 1));
