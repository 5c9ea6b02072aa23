-- CreateEnum
CREATE TYPE "CitationAssessment" AS ENUM ('UNASSESSED', 'CORROBORATED', 'CONTRADICTED');

-- AlterTable
ALTER TABLE "Citation" ADD COLUMN     "assessment" "CitationAssessment" NOT NULL DEFAULT 'UNASSESSED';
