// The public read API's contract: query parameters it accepts and the shapes
// it returns. Routes parse with these; /api/v1/openapi.json is generated from them.
import { z } from "zod";
import {
  datePrecisionSchema,
  quantityKindSchema,
  quantityQualifierSchema,
  reliabilitySchema,
  stages,
} from "@/lib/validation/enums";
import { contentLocales } from "@/lib/translations/fields";

/** `?lang=`: overrides Accept-Language; such a URL never varies by header (docs/translations.md). */
const langParameter = z
  .enum(contentLocales, "lang must be en or ar")
  .optional()
  .describe(
    "Language of editorial texts (en or ar). Without it, Accept-Language decides and the answer says Vary: Accept-Language. Untranslated texts stay English; `languages` on each object says which.",
  );

export const languageQuery = z.object({ lang: langParameter });

/** Which language each translatable field of the object is actually in. */
const languages = (...fields: [string, ...string[]]) =>
  z
    .object(Object.fromEntries(fields.map((f) => [f, z.enum(contentLocales)])))
    .describe("The language each of these fields is in: an untranslated text stays English (en)");

const precision = datePrecisionSchema.describe("How precise the date is: render 2025-07-01 with MONTH as “July 2025”.");
const isoDate = z.string().describe("ISO 8601 date-time (UTC)");

export const negotiationListQuery = z.object({
  stage: z.enum(stages, `stage must be one of ${stages.join(", ")}`).optional(),
  actor: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "actor must be an actor slug")
    .max(120)
    .optional(),
  page: z.coerce
    .number("page must be a number")
    .int("page must be a whole number")
    .min(1, "page starts at 1")
    .max(100_000)
    .default(1),
  pageSize: z.coerce
    .number("pageSize must be a number")
    .int()
    .min(1, "pageSize is at least 1")
    .max(100, "pageSize is at most 100")
    .default(20),
  q: z
    .string()
    .max(100, "q is at most 100 characters")
    .optional()
    .describe("Search titles, summaries, places and actors' names in English and Arabic (Arabic spelling folded)"),
  lang: langParameter,
});

export const developmentListQuery = z.object({
  order: z.enum(["newest", "oldest"], "order must be newest or oldest").default("newest"),
  page: z.coerce
    .number("page must be a number")
    .int("page must be a whole number")
    .min(1, "page starts at 1")
    .max(100_000)
    .default(1),
  lang: langParameter,
});

const source = z.object({
  slug: z.string(),
  name: z.string(),
  kind: z.string(),
  url: z.string().nullable(),
  reliability: reliabilitySchema,
  publicDescription: z.string(),
});
export const citationSchema = z.object({
  id: z.string(),
  attribution: z.string(),
  url: z.string().nullable(),
  excerpt: z.string(),
  publishedOn: isoDate.nullable(),
  source,
  via: source.nullable(),
  archivedCopy: z
    .object({
      url: z.string().describe("Path of Parley's stored copy, served sandboxed"),
      archivedAt: isoDate,
      sha256: z.string().nullable().describe("SHA-256 (hex) of the stored body"),
    })
    .nullable()
    .describe("Parley's copy of the cited page, taken when it was cited; null until archived"),
});
const actor = z.object({
  slug: z.string(),
  name: z.string().describe("In the requested language: the Arabic name where Parley knows one"),
  shortName: z.string().nullable(),
  kind: z.string(),
  languages: languages("name").optional(),
});

export const quantitySchema = z
  .object({
    kind: quantityKindSchema,
    value: z.number().int().nullable().describe("EXACT and APPROXIMATE: the number"),
    min: z.number().int().nullable().describe("RANGE: low end"),
    max: z.number().int().nullable().describe("RANGE: high end"),
    qualifier: quantityQualifierSchema.nullable().describe("APPROXIMATE: how the number is hedged; always show it"),
    wording: z.string().nullable().describe("The phrase as reported (“dozens”, “about 1,900”)"),
    text: z.string().describe("How Parley shows it: “about 1,900”, “20–30”, “dozens”"),
  })
  .describe("Every count in the API: exact, a range, approximate with its qualifier, or unknown with wording.");

const quantitySumSchema = z.object({
  total: quantitySchema.nullable().describe("The sum of the parts that have a number"),
  unknown: z.array(z.string()).describe("Parts with no number (their wording), never counted as 0"),
  text: z.string(),
});

const progressSchema = z.object({
  agreed: quantitySumSchema,
  released: quantitySumSchema,
  releasedCount: z.number().int().describe("Certainly released: each transfer's lower bound, summed"),
  target: z.number().int().nullable().describe("What progress is measured against; null when unknown"),
  moreThanAgreed: z.boolean().describe("Released beyond the agreed maximum"),
  text: z.string().describe("“270 of 880”, “303 of 300 — more than agreed”"),
});

const obligationSchema = z.object({
  id: z.string().describe("Stable across terms versions"),
  releasing: actor,
  receiving: actor,
  category: z.string(),
  description: z.string(),
  languages: languages("description"),
  quantity: quantitySchema.nullable().describe("As stated; null for a ratio rule"),
  ratio: z.object({ perUnit: z.number().int(), perUnitOf: z.string().describe("Obligation id") }).nullable(),
  agreed: quantitySchema.nullable().describe("The stated quantity, or the total derived from the ratio"),
  derived: z.boolean(),
  withdrawn: z.boolean(),
  breakdowns: z.array(z.object({ label: z.string(), category: z.string().nullable(), quantity: quantitySchema })),
  progress: progressSchema,
});

export const termsVersionSchema = z.object({
  id: z.string(),
  number: z.number().int().describe("Counts from 1 within the phase"),
  phaseId: z.string(),
  proposedOn: isoDate,
  proposedPrecision: precision,
  proposedBy: actor.nullable(),
  status: z.string(),
  summary: z.string(),
  obligations: z.array(obligationSchema),
  citations: z.array(citationSchema),
});

export const phaseSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  name: z.string().describe("Empty for the only phase of a single-phase exchange"),
  summary: z.string(),
  startedOn: isoDate.nullable(),
  startedPrecision: precision,
  endedOn: isoDate.nullable(),
  endedPrecision: precision,
  currentTerms: termsVersionSchema.nullable(),
});

export const placeSchema = z
  .object({
    name: z.string().describe("As reported; may be empty when only the country is known"),
    country: z.string().nullable().describe("ISO 3166-1 alpha-2 code, e.g. SY"),
    latitude: z.number().nullable().describe("WGS 84 decimal degrees; null when not recorded (never guessed)"),
    longitude: z.number().nullable(),
  })
  .describe("Where something happened");

export const transferSchema = z.object({
  id: z.string(),
  obligationId: z.string(),
  developmentId: z.string().nullable(),
  releasing: actor,
  receiving: actor,
  category: z.string(),
  quantity: quantitySchema,
  date: isoDate,
  precision,
  place: z.string().describe("The handover point's name as reported; see location for its structure"),
  location: placeSchema.nullable(),
  intermediary: actor.nullable(),
  note: z.string(),
  accounts: z
    .array(
      z.object({
        attribution: z.string(),
        attributedTo: actor.nullable(),
        quantity: quantitySchema,
        source: source.nullable().describe("The cited source of this count, with its reliability rating"),
        sourceUrl: z.string().nullable(),
      }),
    )
    .describe("Counts the sides or sources report differently, side by side, each with its cited source"),
});

export const sideSchema = progressSchema.extend({
  actor,
  label: z.string().nullable(),
  series: z
    .array(z.object({ date: isoDate, precision, released: z.number().int(), cumulative: z.number().int() }))
    .describe("Released over time (lower bounds), cumulative"),
});

export const negotiationSummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  languages: languages("title"),
  region: z.string(),
  country: z.string(),
  stage: z.enum(stages),
  updatedAt: isoDate,
  currentTerms: z
    .string()
    .nullable()
    .describe("The current terms in one line, e.g. “61 civilians ↔ 30 security personnel”"),
  sides: z.array(z.object({ name: z.string(), text: z.string() })).describe("“Released X of Y” per releasing side"),
  parties: z.array(z.string()),
  mediators: z.array(z.string()),
  latestDevelopment: z
    .object({ on: isoDate, precision })
    .nullable()
    .describe("The newest published development's date (not the record's edit time); null before any"),
});

export const negotiationListSchema = z.object({
  items: z.array(negotiationSummarySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  pageCount: z.number().int(),
});

export const negotiationSchema = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  languages: languages("title", "summary"),
  region: z.string(),
  country: z.string(),
  stage: z.enum(stages),
  updatedAt: isoDate,
  phases: z.array(phaseSchema).describe("Each with its current (newest published) terms; usually one"),
  sides: z.array(sideSchema).describe("Per releasing side, over the current terms of every phase"),
  transfers: z.array(transferSchema).describe("Every published handover, oldest first"),
  currentTerms: termsVersionSchema
    .nullable()
    .describe("The current terms of the only phase; with several phases, of the most recently proposed"),
  termsHistory: z.array(termsVersionSchema).describe("Every published version of every phase, newest first"),
  participants: z.array(z.object({ role: z.string(), side: z.string().nullable(), description: z.string(), actor })),
  stageHistory: z.array(
    z.object({
      stage: z.enum(stages),
      effectiveOn: isoDate.nullable().describe("Null: the stage when tracking started, before any dated event"),
      effectivePrecision: precision,
      note: z.string(),
    }),
  ),
  figures: z.array(
    z.object({
      slug: z.string(),
      label: z.string(),
      unit: z.string(),
      description: z.string(),
      languages: languages("label", "description"),
      claims: z.array(
        z.object({
          quantity: quantitySchema,
          wording: z.string().describe("Deprecated: use quantity.wording or quantity.text"),
          asOf: isoDate.nullable(),
          asOfPrecision: precision,
          note: z.string(),
          citations: z.array(citationSchema),
        }),
      ),
    }),
  ),
  developmentCount: z.number().int(),
});

export const developmentSchema = z.object({
  id: z.string(),
  occurredOn: isoDate,
  occurredPrecision: precision,
  title: z.string(),
  summary: z.string(),
  languages: languages("title", "summary"),
  kind: z.string(),
  singleAnonymousSource: z.boolean(),
  key: z.boolean().describe("Marked by editors as a key event; readers see key events listed first"),
  place: placeSchema.nullable().describe("Where it happened (a talks venue, a handover point), when reported"),
  publishedAt: isoDate.nullable(),
  updatedAt: isoDate,
  actors: z.array(actor),
  citations: z.array(citationSchema),
  corrections: z.array(z.object({ note: z.string(), correctedAt: isoDate, languages: languages("note") })),
  stageChange: z.enum(stages).nullable(),
  transfers: z.array(transferSchema).describe("What was handed over in this development"),
});

export const developmentPageSchema = z.object({
  items: z.array(developmentSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  pageCount: z.number().int(),
  order: z.enum(["newest", "oldest"]),
});

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  }),
});
