-- CreateTable
CREATE TABLE "AlertDelivery" (
    "sendJobId" UUID NOT NULL,
    "subscriptionId" UUID NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertDelivery_pkey" PRIMARY KEY ("sendJobId")
);

-- CreateIndex
CREATE INDEX "AlertDelivery_subscriptionId_idx" ON "AlertDelivery"("subscriptionId");

-- CreateIndex
CREATE INDEX "AlertDelivery_sentAt_idx" ON "AlertDelivery"("sentAt");

-- AddForeignKey
ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "AlertSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;
