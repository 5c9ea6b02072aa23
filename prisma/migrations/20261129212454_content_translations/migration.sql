-- CreateEnum
CREATE TYPE "TranslatableField" AS ENUM ('NEGOTIATION_TITLE', 'NEGOTIATION_SUMMARY', 'OBLIGATION_DESCRIPTION', 'DEVELOPMENT_TITLE', 'DEVELOPMENT_SUMMARY', 'FIGURE_LABEL', 'FIGURE_DESCRIPTION', 'CORRECTION_NOTE', 'SOURCE_DESCRIPTION');

-- CreateTable
CREATE TABLE "ContentTranslation" (
    "id" UUID NOT NULL,
    "field" "TranslatableField" NOT NULL,
    "entityId" UUID NOT NULL,
    "locale" VARCHAR(35) NOT NULL,
    "text" VARCHAR(4000) NOT NULL,
    "originalHash" CHAR(64) NOT NULL,
    "translatedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ContentTranslation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContentTranslation_entityId_idx" ON "ContentTranslation"("entityId");

-- CreateIndex
CREATE UNIQUE INDEX "ContentTranslation_field_entityId_locale_key" ON "ContentTranslation"("field", "entityId", "locale");

-- AddForeignKey
ALTER TABLE "ContentTranslation" ADD CONSTRAINT "ContentTranslation_translatedById_fkey" FOREIGN KEY ("translatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: only Arabic for now; English is always the original, never stored here.
ALTER TABLE "ContentTranslation" ADD CONSTRAINT "ContentTranslation_locale_check" CHECK ("locale" IN ('ar'));
ALTER TABLE "ContentTranslation" ADD CONSTRAINT "ContentTranslation_hash_check" CHECK ("originalHash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "ContentTranslation" ADD CONSTRAINT "ContentTranslation_text_check" CHECK (length(btrim("text")) > 0);

-- Hand-written: the search form of a text, the twin of lib/search/arabic-normalize.ts:
-- harakat, Quranic marks and tatweel removed; alef variants, taa marbuta, alef maqsura and
-- Arabic-Indic digits folded; lower case. IMMUTABLE so expression indexes can use it.
CREATE FUNCTION "parley_search_fold"(input text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT lower(translate(
    regexp_replace(input, '[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]', '', 'g'),
    'أإآٱةى٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹',
    'ااااهي01234567890123456789'
  ))
$$;

-- Hand-written: trigram indexes so "contains" searches on the folded text need no full scan
-- once there are many negotiations. pg_trgm ships with PostgreSQL (contrib) and is a trusted
-- extension, so the database owner may create it. Named "*_search" so the drift check, which
-- compares only what schema.prisma can describe, leaves them out (tests/support/schema-snapshot.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Negotiation_title_search" ON "Negotiation" USING gin ("parley_search_fold"("title") gin_trgm_ops);
CREATE INDEX "Negotiation_summary_search" ON "Negotiation" USING gin ("parley_search_fold"("summary") gin_trgm_ops);
CREATE INDEX "ContentTranslation_text_search" ON "ContentTranslation" USING gin ("parley_search_fold"("text") gin_trgm_ops);
CREATE INDEX "ActorAlias_name_search" ON "ActorAlias" USING gin ("parley_search_fold"("name") gin_trgm_ops);
