-- AlterTable
ALTER TABLE "Participation" ADD COLUMN     "archivedAt" TIMESTAMPTZ(3);
