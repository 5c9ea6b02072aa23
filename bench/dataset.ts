// The benchmark's large dataset, generated in PostgreSQL with generate_series
// (seconds, not minutes). Ids are md5-derived UUIDs (benchId) so rows can refer to each
// other without lookups. Every row satisfies the schema's check constraints.
import pg from "pg";

export type DatasetSize = {
  negotiations: number;
  /** Developments of the one large negotiation (slug `bench-large`). */
  largeDevelopments: number;
  /** Developments of the small negotiation (slug `bench-small`). */
  smallDevelopments: number;
  sources: number;
  /** Citations in all (2 per development of the large one, the rest spread over the others). */
  citations: number;
};

export const FULL_DATASET: DatasetSize = {
  negotiations: 200,
  largeDevelopments: 10_000,
  smallDevelopments: 10,
  sources: 5_000,
  citations: 50_000,
};
export const QUICK_DATASET: DatasetSize = {
  negotiations: 40,
  largeDevelopments: 2_000,
  smallDevelopments: 10,
  sources: 1_000,
  citations: 10_000,
};

export const LARGE_SLUG = "bench-large";
export const SMALL_SLUG = "bench-small";

export type DatasetCounts = Record<"negotiations" | "developments" | "citations" | "sources" | "actors", number>;

/** Loads the dataset into the database at `databaseUrl`; returns the resulting table counts. */
export async function generateDataset(databaseUrl: string, size: DatasetSize): Promise<DatasetCounts> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const n = size.negotiations;
  const large = size.largeDevelopments;
  const small = size.smallDevelopments;
  const others = Math.max(0, n - 2);
  const citationsPerOther = 3;
  const otherDevelopments =
    others === 0 ? 0 : Math.max(1, Math.floor((size.citations - 2 * large - small) / (citationsPerOther * others)));
  try {
    await client.query("BEGIN");
    // md5 of a name, shaped as a version-4 UUID (the app's validation accepts only RFC 4122 ids).
    await client.query(
      `CREATE FUNCTION pg_temp.bench_id(name text) RETURNS uuid LANGUAGE sql IMMUTABLE
       AS $$ SELECT overlay(overlay(md5(name) placing '4' from 13) placing '8' from 17)::uuid $$`,
    );
    // Actors: three per negotiation (two parties and a mediator).
    await client.query(
      `INSERT INTO "Actor" (id, slug, name, kind, country, description, "updatedAt")
       SELECT pg_temp.bench_id('actor' || i), 'bench-actor-' || i, 'Bench Actor ' || i,
              (ARRAY['GOVERNMENT','ARMED_GROUP','INTERNATIONAL_BODY'])[1 + i % 3]::"ActorKind",
              'Country ' || (i % 40), 'A generated actor for the benchmark.', now()
       FROM generate_series(1, $1::int) AS i`,
      [3 * n],
    );
    // Sources, one in ten with a confidential note (never shown to readers).
    await client.query(
      `INSERT INTO "Source" (id, slug, name, kind, url, language, "publicDescription", reliability, status, "updatedAt")
       SELECT pg_temp.bench_id('source' || i), 'bench-source-' || i, 'Bench Source ' || i,
              (ARRAY['WIRE_AGENCY','OUTLET','MONITOR','GOVERNMENT','ARMED_GROUP','INDIVIDUAL','OTHER'])[1 + i % 7]::"SourceKind",
              'https://source-' || i || '.example.org/', 'en', 'A generated source for the benchmark.',
              (ARRAY['A','B','C','D','E','F'])[1 + i % 6]::"Reliability", 'ACTIVE', now()
       FROM generate_series(1, $1::int) AS i`,
      [size.sources],
    );
    await client.query(
      `INSERT INTO "SourceConfidential" ("sourceId", notes, "contactConditions", "updatedAt")
       SELECT pg_temp.bench_id('source' || i), 'CONFIDENTIAL bench note ' || i, 'Contact only through the desk.', now()
       FROM generate_series(10, $1::int, 10) AS i`,
      [size.sources],
    );
    // Negotiations: #1 is the large one, #2 the small one.
    await client.query(
      `INSERT INTO "Negotiation" (id, slug, title, summary, region, country, "startedOn", stage, publication, "publishedAt", "updatedAt")
       SELECT pg_temp.bench_id('negotiation' || k),
              CASE k WHEN 1 THEN $2 WHEN 2 THEN $3 ELSE 'bench-negotiation-' || lpad(k::text, 4, '0') END,
              'Bench negotiation ' || k || ': exchange of detainees between two sides',
              'A generated negotiation for the benchmark, with a summary of realistic length that readers see under the title. '
                || 'It names the parties, the mediator and where the talks stand.',
              'Region ' || (k % 12), 'Country ' || (k % 40), date '2024-01-01' + (k % 300),
              (ARRAY['PRE_TALKS','TALKS','AGREEMENT','IMPLEMENTATION','CONCLUDED','COLLAPSED'])[1 + k % 6]::"Stage",
              'PUBLISHED', now() - interval '30 days', now() - k * interval '1 minute'
       FROM generate_series(1, $1::int) AS k`,
      [n, LARGE_SLUG, SMALL_SLUG],
    );
    await client.query(
      `INSERT INTO "Participation" (id, "negotiationId", "actorId", role, side, position)
       SELECT gen_random_uuid(), pg_temp.bench_id('negotiation' || k), pg_temp.bench_id('actor' || (3 * k - 2 + p)),
              (CASE WHEN p < 2 THEN 'PARTY' ELSE 'MEDIATOR' END)::"ParticipationRole",
              CASE p WHEN 0 THEN 'Side A' WHEN 1 THEN 'Side B' END, p
       FROM generate_series(1, $1::int) AS k, generate_series(0, 2) AS p`,
      [n],
    );
    await client.query(
      `INSERT INTO "StageChange" (id, "negotiationId", stage, "effectiveOn", note)
       SELECT gen_random_uuid(), pg_temp.bench_id('negotiation' || k),
              (ARRAY['PRE_TALKS','TALKS','AGREEMENT'])[s]::"Stage", date '2024-01-01' + s * 30, 'Generated stage change.'
       FROM generate_series(1, $1::int) AS k, generate_series(1, 3) AS s`,
      [n],
    );
    // Terms: one phase and one published version per negotiation, one obligation per side.
    await client.query(
      `INSERT INTO "Phase" (id, "negotiationId", number, "updatedAt")
       SELECT pg_temp.bench_id('phase' || k), pg_temp.bench_id('negotiation' || k), 1, now()
       FROM generate_series(1, $1::int) AS k`,
      [n],
    );
    await client.query(
      `INSERT INTO "TermsVersion" (id, "negotiationId", "phaseId", number, "proposedOn", "proposedById", status, summary, publication, "publishedAt", "updatedAt")
       SELECT pg_temp.bench_id('terms' || k), pg_temp.bench_id('negotiation' || k), pg_temp.bench_id('phase' || k), 1, date '2024-02-01', pg_temp.bench_id('actor' || (3 * k)),
              'AGREED', 'Generated terms: each side releases detainees.', 'PUBLISHED', now() - interval '20 days', now()
       FROM generate_series(1, $1::int) AS k`,
      [n],
    );
    await client.query(
      `INSERT INTO "Obligation" (id, "negotiationId", "phaseId", "releasingActorId", "receivingActorId", category)
       SELECT pg_temp.bench_id('obligation' || k || '-' || p), pg_temp.bench_id('negotiation' || k), pg_temp.bench_id('phase' || k),
              pg_temp.bench_id('actor' || (3 * k - 2 + p)), pg_temp.bench_id('actor' || (3 * k - 1 - p)),
              (CASE p WHEN 0 THEN 'CIVILIANS' ELSE 'FIGHTERS' END)::"ReleaseCategory"
       FROM generate_series(1, $1::int) AS k, generate_series(0, 1) AS p`,
      [n],
    );
    await client.query(
      `INSERT INTO "ObligationTerm" (id, "termsVersionId", "obligationId", position, "quantityKind", "quantityValue")
       SELECT gen_random_uuid(), pg_temp.bench_id('terms' || k), pg_temp.bench_id('obligation' || k || '-' || p), p,
              'EXACT', 10 * (p + 1) + k % 7
       FROM generate_series(1, $1::int) AS k, generate_series(0, 1) AS p`,
      [n],
    );
    // Developments: published, a day apart (all in the past), one actor each.
    const developments = `
      SELECT k, j, CASE WHEN k = 1 THEN 2 ELSE 3 END AS cites
      FROM generate_series(1, $1::int) AS k,
           LATERAL generate_series(1, CASE k WHEN 1 THEN $2::int WHEN 2 THEN $3::int ELSE $4::int END) AS j`;
    const params = [n, large, small, otherDevelopments];
    await client.query(
      `INSERT INTO "Development" (id, "negotiationId", "occurredOn", title, summary, kind, publication, "publishedAt", "createdAt", "updatedAt")
       SELECT pg_temp.bench_id('development' || k || '-' || j), pg_temp.bench_id('negotiation' || k),
              current_date - 1 - (j % 3650), 'Development ' || j || ' of negotiation ' || k,
              'A generated development: what happened, who said it and what it means for the exchange. '
                || 'Readers see this summary in the timeline with its citations. Item ' || j || '.',
              (ARRAY['TALKS','STATEMENT','PROPOSAL','RELEASE','VIOLENCE','ACCESS_AID','OTHER'])[1 + j % 7]::"DevelopmentKind",
              'PUBLISHED', now() - interval '10 days', now() - j * interval '1 second', now() - j * interval '1 second'
       FROM (${developments}) AS d`,
      params,
    );
    await client.query(
      `INSERT INTO "DevelopmentActor" ("developmentId", "actorId")
       SELECT pg_temp.bench_id('development' || k || '-' || j), pg_temp.bench_id('actor' || (3 * k - 2 + j % 2)) FROM (${developments}) AS d`,
      params,
    );
    await client.query(
      `INSERT INTO "Citation" (id, "sourceId", "developmentId", attribution, url, excerpt, "publishedOn", position)
       SELECT gen_random_uuid(), pg_temp.bench_id('source' || (1 + (k * 7919 + j * 104729 + c * 31) % $5::int)),
              pg_temp.bench_id('development' || k || '-' || j), 'Reported by a generated source (' || c || ')',
              'https://news.example.org/' || k || '/' || j || '/' || c, 'A short excerpt of the cited report.', current_date - 1 - (j % 3650), c - 1
       FROM (${developments}) AS d, LATERAL generate_series(1, d.cites) AS c`,
      [...params, size.sources],
    );
    // A public correction on every 500th development of the large negotiation.
    await client.query(
      `INSERT INTO "Correction" (id, "developmentId", note)
       SELECT gen_random_uuid(), pg_temp.bench_id('development1-' || j), 'Corrected: the date was misreported.'
       FROM generate_series(500, $1::int, 500) AS j`,
      [large],
    );
    await client.query("COMMIT");
    await client.query("ANALYZE");
    const counts = await client.query<{
      negotiations: string;
      developments: string;
      citations: string;
      sources: string;
      actors: string;
    }>(
      `SELECT (SELECT count(*) FROM "Negotiation") AS negotiations, (SELECT count(*) FROM "Development") AS developments,
              (SELECT count(*) FROM "Citation") AS citations, (SELECT count(*) FROM "Source") AS sources, (SELECT count(*) FROM "Actor") AS actors`,
    );
    const row = counts.rows[0]!;
    return {
      negotiations: Number(row.negotiations),
      developments: Number(row.developments),
      citations: Number(row.citations),
      sources: Number(row.sources),
      actors: Number(row.actors),
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
