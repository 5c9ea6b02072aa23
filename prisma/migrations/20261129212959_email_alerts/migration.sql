-- CreateTable
CREATE TABLE "AlertSubscription" (
    "id" UUID NOT NULL,
    "email" VARCHAR(320) NOT NULL,
    "negotiationId" UUID,
    "language" VARCHAR(10) NOT NULL DEFAULT 'en',
    "confirmTokenHash" CHAR(64),
    "confirmExpiresAt" TIMESTAMPTZ(3),
    "confirmedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertChange" (
    "id" BIGSERIAL NOT NULL,
    "negotiationId" UUID NOT NULL,
    "type" VARCHAR(60) NOT NULL,
    "entityId" UUID NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LinkCheck" (
    "url" VARCHAR(2000) NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "status" INTEGER,
    "error" VARCHAR(500),
    "checkedAt" TIMESTAMPTZ(3) NOT NULL,
    "failingSince" TIMESTAMPTZ(3),

    CONSTRAINT "LinkCheck_pkey" PRIMARY KEY ("url")
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertSubscription_confirmTokenHash_key" ON "AlertSubscription"("confirmTokenHash");

-- CreateIndex
CREATE INDEX "AlertSubscription_email_idx" ON "AlertSubscription"("email");

-- CreateIndex
CREATE INDEX "AlertSubscription_negotiationId_confirmedAt_idx" ON "AlertSubscription"("negotiationId", "confirmedAt");

-- Alerts are written in a language Parley has (Arabic is coming); anything else is a bug.
ALTER TABLE "AlertSubscription" ADD CONSTRAINT "AlertSubscription_language_check" CHECK ("language" IN ('en', 'ar'));
