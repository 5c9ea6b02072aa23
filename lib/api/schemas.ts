// The public read API's contract: query parameters it accepts and the shapes
// it returns. Routes parse with these; /api/v1/openapi.json is generated from them.
import { z } from "zod";
import { stages } from "@/lib/validation/development";

const precision = z
  .enum(["DAY", "MONTH", "YEAR"])
  .describe("How precise the date is: render 2025-07-01 with MONTH as “July 2025”.");
const isoDate = z.string().describe("ISO 8601 date-time (UTC)");

export const negotiationListQuery = z.object({
  stage: z
    .enum(stages, "stage must be one of PRE_TALKS, TALKS, AGREEMENT, IMPLEMENTATION, CONCLUDED, COLLAPSED")
    .optional(),
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
});

export const developmentListQuery = z.object({
  order: z.enum(["newest", "oldest"], "order must be newest or oldest").default("newest"),
  page: z.coerce
    .number("page must be a number")
    .int("page must be a whole number")
    .min(1, "page starts at 1")
    .max(100_000)
    .default(1),
});

const source = z.object({
  slug: z.string(),
  name: z.string(),
  kind: z.string(),
  url: z.string().nullable(),
  reliability: z.enum(["A", "B", "C", "D", "E", "F"]),
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
});
const actor = z.object({ slug: z.string(), name: z.string(), shortName: z.string().nullable(), kind: z.string() });

const termsItem = z.object({
  id: z.string(),
  releasing: actor,
  receiving: actor,
  countExact: z.number().int().nullable(),
  countMin: z.number().int().nullable(),
  countMax: z.number().int().nullable(),
  countWording: z.string().nullable(),
  category: z.string(),
  description: z.string(),
  released: z.number().int().describe("How many have actually been released so far"),
  target: z.number().int().nullable(),
});

export const termsVersionSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  phase: z.string().nullable(),
  proposedOn: isoDate,
  proposedPrecision: precision,
  proposedBy: actor.nullable(),
  status: z.string(),
  summary: z.string(),
  items: z.array(termsItem),
  citations: z.array(citationSchema),
});

export const negotiationSummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  region: z.string(),
  country: z.string(),
  stage: z.enum(stages),
  updatedAt: isoDate,
  currentTerms: z
    .string()
    .nullable()
    .describe("The current terms in one line, e.g. “61 civilians ↔ 30 security personnel”"),
  parties: z.array(z.string()),
  mediators: z.array(z.string()),
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
  region: z.string(),
  country: z.string(),
  stage: z.enum(stages),
  updatedAt: isoDate,
  currentTerms: termsVersionSchema.nullable(),
  termsHistory: z.array(termsVersionSchema).describe("Every published version, newest first"),
  participants: z.array(z.object({ role: z.string(), side: z.string().nullable(), description: z.string(), actor })),
  stageHistory: z.array(
    z.object({ stage: z.enum(stages), effectiveOn: isoDate, effectivePrecision: precision, note: z.string() }),
  ),
  figures: z.array(
    z.object({
      slug: z.string(),
      label: z.string(),
      unit: z.string(),
      description: z.string(),
      claims: z.array(
        z.object({
          wording: z.string(),
          valueMin: z.number().nullable(),
          valueMax: z.number().nullable(),
          qualifier: z.string().nullable(),
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
  kind: z.string(),
  singleAnonymousSource: z.boolean(),
  publishedAt: isoDate.nullable(),
  updatedAt: isoDate,
  actors: z.array(actor),
  citations: z.array(citationSchema),
  corrections: z.array(z.object({ note: z.string(), correctedAt: isoDate })),
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
