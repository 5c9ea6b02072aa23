-- Figures use the one quantity type of the ledger (exact, range, approximate with a qualifier,
-- or wording only), and a disputed transfer count names its cited, rated source.

-- AlterTable
ALTER TABLE "TransferAccount" ADD COLUMN     "sourceId" UUID;

-- AlterTable: the new columns first, filled from the old ones, then the old ones dropped.
ALTER TABLE "FigureClaim" ADD COLUMN     "quantityKind" "QuantityKind",
ADD COLUMN     "quantityMax" INTEGER,
ADD COLUMN     "quantityMin" INTEGER,
ADD COLUMN     "quantityQualifier" "QuantityQualifier",
ADD COLUMN     "quantityValue" INTEGER,
ADD COLUMN     "quantityWording" VARCHAR(120);

-- Old claims: a wording, optional low/high numbers and an optional qualifier. A lone low number
-- was a floor and a lone high number a ceiling, so they become "at least" / "up to" rather than
-- a false exact or "about" count; the published wording is always kept.
UPDATE "FigureClaim" SET
  "quantityWording" = NULLIF(btrim("wording"), ''),
  "quantityKind" = (CASE
    WHEN "valueMin" IS NULL AND "valueMax" IS NULL THEN 'UNKNOWN'
    WHEN "valueMin" IS NOT NULL AND "valueMax" IS NOT NULL AND "valueMin" <> "valueMax" THEN 'RANGE'
    WHEN "valueMin" IS NOT NULL AND "valueMax" IS NOT NULL AND COALESCE("qualifier", 'EXACT') = 'EXACT' THEN 'EXACT'
    ELSE 'APPROXIMATE'
  END)::"QuantityKind";

UPDATE "FigureClaim" SET
  "quantityValue" = CASE "quantityKind"
    WHEN 'EXACT' THEN "valueMin"
    WHEN 'APPROXIMATE' THEN COALESCE("valueMin", "valueMax")
  END,
  "quantityMin" = CASE WHEN "quantityKind" = 'RANGE' THEN "valueMin" END,
  "quantityMax" = CASE WHEN "quantityKind" = 'RANGE' THEN "valueMax" END,
  "quantityQualifier" = (CASE WHEN "quantityKind" = 'APPROXIMATE' THEN
    CASE
      WHEN "qualifier" = 'AT_LEAST' THEN 'AT_LEAST'
      WHEN "qualifier" = 'MORE_THAN' THEN 'MORE_THAN'
      WHEN "qualifier" = 'AT_MOST' THEN 'UP_TO'
      WHEN "valueMin" IS NOT NULL AND "valueMax" IS NULL THEN 'AT_LEAST'
      WHEN "valueMin" IS NULL AND "valueMax" IS NOT NULL THEN 'UP_TO'
      ELSE 'ABOUT'
    END
  END)::"QuantityQualifier";

ALTER TABLE "FigureClaim" ALTER COLUMN "quantityKind" SET NOT NULL;

ALTER TABLE "FigureClaim" DROP CONSTRAINT "FigureClaim_values";
ALTER TABLE "FigureClaim" DROP COLUMN "qualifier",
DROP COLUMN "valueMax",
DROP COLUMN "valueMin",
DROP COLUMN "wording";

-- DropEnum
DROP TYPE "ValueQualifier";

-- CreateIndex
CREATE INDEX "TransferAccount_sourceId_idx" ON "TransferAccount"("sourceId");

-- AddForeignKey
ALTER TABLE "TransferAccount" ADD CONSTRAINT "TransferAccount_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The same count forms as every other quantity in the ledger.
ALTER TABLE "FigureClaim" ADD CONSTRAINT "FigureClaim_quantity_form" CHECK (
  ("quantityKind" = 'EXACT' AND "quantityValue" IS NOT NULL AND "quantityMin" IS NULL AND "quantityMax" IS NULL AND "quantityQualifier" IS NULL) OR
  ("quantityKind" = 'RANGE' AND "quantityValue" IS NULL AND "quantityMin" IS NOT NULL AND "quantityMax" IS NOT NULL AND "quantityMin" <= "quantityMax" AND "quantityQualifier" IS NULL) OR
  ("quantityKind" = 'APPROXIMATE' AND "quantityValue" IS NOT NULL AND "quantityMin" IS NULL AND "quantityMax" IS NULL AND "quantityQualifier" IS NOT NULL) OR
  ("quantityKind" = 'UNKNOWN' AND "quantityValue" IS NULL AND "quantityMin" IS NULL AND "quantityMax" IS NULL AND "quantityQualifier" IS NULL AND btrim(COALESCE("quantityWording", '')) <> ''));
ALTER TABLE "FigureClaim" ADD CONSTRAINT "FigureClaim_quantity_non_negative" CHECK (
  COALESCE("quantityValue", 0) >= 0 AND COALESCE("quantityMin", 0) >= 0 AND COALESCE("quantityMax", 0) >= 0);
