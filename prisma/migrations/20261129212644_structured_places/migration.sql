-- AlterTable
ALTER TABLE "Transfer" ADD COLUMN     "placeCountry" CHAR(2),
ADD COLUMN     "placeLatitude" DOUBLE PRECISION,
ADD COLUMN     "placeLongitude" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Development" ADD COLUMN     "place" VARCHAR(200) NOT NULL DEFAULT '',
ADD COLUMN     "placeCountry" CHAR(2),
ADD COLUMN     "placeLatitude" DOUBLE PRECISION,
ADD COLUMN     "placeLongitude" DOUBLE PRECISION;

-- Hand-written: a place's country is an upper-case ISO 3166-1 alpha-2 code, coordinates are
-- WGS 84 ranges and come as a pair (written so that a NULL cannot make the check pass). Existing text places stay names only: nothing is geocoded.
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_placeCountry_format" CHECK ("placeCountry" ~ '^[A-Z]{2}$');
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_placeCoordinates_valid" CHECK (
  ("placeLatitude" IS NULL) = ("placeLongitude" IS NULL)
  AND ("placeLatitude" IS NULL OR "placeLatitude" BETWEEN -90 AND 90)
  AND ("placeLongitude" IS NULL OR "placeLongitude" BETWEEN -180 AND 180)
);
ALTER TABLE "Development" ADD CONSTRAINT "Development_placeCountry_format" CHECK ("placeCountry" ~ '^[A-Z]{2}$');
ALTER TABLE "Development" ADD CONSTRAINT "Development_placeCoordinates_valid" CHECK (
  ("placeLatitude" IS NULL) = ("placeLongitude" IS NULL)
  AND ("placeLatitude" IS NULL OR "placeLatitude" BETWEEN -90 AND 90)
  AND ("placeLongitude" IS NULL OR "placeLongitude" BETWEEN -180 AND 180)
);
