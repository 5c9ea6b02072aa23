-- AlterTable
ALTER TABLE "Development" ADD COLUMN     "keyEvent" BOOLEAN NOT NULL DEFAULT false;
