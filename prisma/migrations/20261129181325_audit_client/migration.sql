-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "clientAddress" VARCHAR(100),
ADD COLUMN     "userAgent" VARCHAR(500);
