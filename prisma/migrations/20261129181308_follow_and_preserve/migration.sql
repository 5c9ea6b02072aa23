-- AlterTable
ALTER TABLE "Citation" ADD COLUMN     "snapshotId" UUID;

-- CreateTable
CREATE TABLE "LinkSnapshot" (
    "id" UUID NOT NULL,
    "url" VARCHAR(2000) NOT NULL,
    "finalUrl" VARCHAR(2000),
    "status" INTEGER,
    "headers" JSONB,
    "body" BYTEA,
    "truncated" BOOLEAN NOT NULL DEFAULT false,
    "sha256" CHAR(64),
    "error" VARCHAR(500),
    "publicArchiveUrl" VARCHAR(2000),
    "fetchedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LinkSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" UUID NOT NULL,
    "url" VARCHAR(2000) NOT NULL,
    "description" VARCHAR(200) NOT NULL DEFAULT '',
    "secret" VARCHAR(100) NOT NULL,
    "events" TEXT[],
    "negotiationIds" UUID[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "disabledAt" TIMESTAMPTZ(3),
    "disabledReason" VARCHAR(300),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" BIGSERIAL NOT NULL,
    "endpointId" UUID NOT NULL,
    "messageId" VARCHAR(100) NOT NULL,
    "eventType" VARCHAR(60) NOT NULL,
    "attempt" INTEGER NOT NULL,
    "responseStatus" INTEGER,
    "error" VARCHAR(500),
    "durationMs" INTEGER NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LinkSnapshot_url_fetchedAt_idx" ON "LinkSnapshot"("url", "fetchedAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_at_idx" ON "WebhookDelivery"("endpointId", "at");

-- CreateIndex
CREATE INDEX "WebhookDelivery_messageId_idx" ON "WebhookDelivery"("messageId");

-- CreateIndex
CREATE INDEX "Citation_url_idx" ON "Citation"("url");

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "LinkSnapshot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Added by hand: invariants Prisma cannot express.
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_url_scheme" CHECK ("url" ~ '^https?://');
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_secret_format" CHECK ("secret" ~ '^whsec_[A-Za-z0-9+/=]+$');
ALTER TABLE "LinkSnapshot" ADD CONSTRAINT "LinkSnapshot_sha256_hex" CHECK ("sha256" IS NULL OR "sha256" ~ '^[0-9a-f]{64}$');
