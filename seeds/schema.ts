// The shape of a seed case file (seeds/cases/*.json), validated before anything is written.
import { z } from "zod";
import { placeFields, refineCoordinatePair } from "@/lib/validation/place";
import { optionalText, partialDateSchema, requiredText, slugSchema, httpUrlSchema } from "@/lib/validation/common";
import {
  actorKinds,
  developmentKinds,
  participationRoles,
  releaseCategories,
  reliabilityRatings,
  roles,
  sourceKinds,
  stages,
  termsStatuses,
} from "@/lib/validation/enums";
import { quantitySchema } from "@/lib/validation/quantity";

const key = slugSchema;

const citationSeed = z.strictObject({
  source: key,
  via: key.optional(),
  attribution: requiredText(500),
  url: httpUrlSchema.optional(),
  excerpt: optionalText(1000),
  publishedOn: partialDateSchema.optional(),
});

const actorSeed = z.strictObject({
  slug: key,
  name: requiredText(200),
  shortName: requiredText(80).optional(),
  kind: z.enum(actorKinds),
  country: requiredText(120).optional(),
  description: optionalText(2000),
  parent: key.optional(),
  aliases: z
    .array(z.strictObject({ name: requiredText(200), language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/) }))
    .default([]),
});

const sourceSeed = z.strictObject({
  slug: key,
  name: requiredText(200),
  kind: z.enum(sourceKinds),
  url: httpUrlSchema.optional(),
  language: z.string().optional(),
  publicDescription: optionalText(2000),
  reliability: z.enum(reliabilityRatings),
  ratingRationale: optionalText(2000),
  confidentialNotes: optionalText(8000),
});

/** A handover in a development; `obligation` is the key of an obligation in the terms. */
const transferSeed = z
  .strictObject({
    obligation: key,
    quantity: quantitySchema,
    occurredOn: partialDateSchema.optional(),
    ...placeFields,
    intermediary: key.optional(),
    note: optionalText(1000),
    accounts: z
      .array(
        z.strictObject({
          attribution: requiredText(300),
          attributedTo: key.optional(),
          quantity: quantitySchema,
          /** The cited source (a key in `sources`), shown with its rating beside the count. */
          source: key,
          sourceUrl: httpUrlSchema.optional(),
        }),
      )
      .default([]),
  })
  .superRefine((transfer, ctx) => refineCoordinatePair(transfer, ctx));

/** `key` names the development within the file; `keyEvent` marks it for readers as a key event. */
const developmentSeed = z
  .strictObject({
    key,
    keyEvent: z.boolean().default(false),
    ...placeFields,
    occurredOn: partialDateSchema,
    reportedOn: partialDateSchema.optional(),
    title: requiredText(200),
    summary: requiredText(4000),
    kind: z.enum(developmentKinds),
    actors: z.array(key).default([]),
    terms: z.number().int().positive().optional(),
    transfers: z.array(transferSeed).default([]),
    citations: z.array(citationSeed).min(1, "Every development needs at least one citation."),
  })
  .superRefine((development, ctx) => refineCoordinatePair(development, ctx));

/**
 * One terms version. `number` identifies it within the file (developments refer to it);
 * versions of the same `phase` (by name; none: the single unnamed phase) follow each other
 * in order. Like the editor, a version carries over every obligation of the previous one
 * in its phase; an obligation listed with a known key restates it, a new key starts one.
 */
const termsSeed = z.strictObject({
  number: z.number().int().positive(),
  phase: requiredText(120).optional(),
  proposedOn: partialDateSchema,
  proposedBy: key.optional(),
  status: z.enum(termsStatuses),
  summary: optionalText(2000),
  obligations: z
    .array(
      z.strictObject({
        key,
        releasing: key.optional(),
        receiving: key.optional(),
        category: z.enum(releaseCategories).optional(),
        quantity: quantitySchema.optional(),
        perUnit: z.number().int().positive().optional(),
        perUnitOf: key.optional(),
        description: optionalText(1000),
        withdrawn: z.boolean().default(false),
        breakdowns: z
          .array(
            z.strictObject({
              label: requiredText(120),
              category: z.enum(releaseCategories).optional(),
              quantity: quantitySchema,
            }),
          )
          .default([]),
      }),
    )
    .default([]),
  citations: z.array(citationSeed).min(1),
});

const figureSeed = z.strictObject({
  slug: key,
  label: requiredText(200),
  unit: requiredText(80),
  description: optionalText(2000),
  claims: z
    .array(
      z.strictObject({
        quantity: quantitySchema,
        asOf: partialDateSchema.optional(),
        note: optionalText(1000),
        citations: z.array(citationSeed).min(1),
      }),
    )
    .min(1),
});

/**
 * Arabic versions of the case's editorial texts, keyed as the case keys them (development and
 * obligation keys, figure and source slugs). Written by Parley's editors, not machine output.
 */
const translationsSeed = z.strictObject({
  ar: z
    .strictObject({
      negotiation: z.strictObject({ title: requiredText(300), summary: optionalText(4000) }),
      obligations: z.record(key, requiredText(1500)).default({}),
      developments: z
        .record(key, z.strictObject({ title: requiredText(300), summary: requiredText(4000) }))
        .default({}),
      figures: z.record(key, z.strictObject({ label: requiredText(300), description: optionalText(2000) })).default({}),
      sources: z.record(key, requiredText(2000)).default({}),
    })
    .optional(),
});

export const seedCaseSchema = z.strictObject({
  translations: translationsSeed.optional(),
  actors: z.array(actorSeed),
  sources: z.array(sourceSeed),
  negotiation: z.strictObject({
    slug: key,
    title: requiredText(200),
    summary: optionalText(4000),
    region: requiredText(120),
    country: requiredText(120),
    stage: z.enum(stages),
    published: z.boolean(),
    participants: z.array(
      z.strictObject({
        actor: key,
        role: z.enum(participationRoles),
        side: requiredText(120).optional(),
        description: optionalText(1000),
      }),
    ),
    stageHistory: z.array(
      z.strictObject({
        stage: z.enum(stages),
        effectiveOn: partialDateSchema,
        note: optionalText(1000),
        development: key.optional(),
      }),
    ),
    terms: z.array(termsSeed),
    developments: z.array(developmentSeed),
    figures: z.array(figureSeed),
  }),
});

export type SeedCase = z.infer<typeof seedCaseSchema>;

/** Cross-references inside one case file: every key used must be declared in it. */
export const seedCaseWithReferencesSchema = seedCaseSchema.superRefine((seed, ctx) => {
  const actors = new Set(seed.actors.map((actor) => actor.slug));
  const sources = new Set(seed.sources.map((source) => source.slug));
  const developments = new Set(seed.negotiation.developments.map((development) => development.key));
  const termsNumbers = new Set(seed.negotiation.terms.map((terms) => terms.number));
  const obligations = new Set<string>();
  const expect = (
    known: Set<string | number>,
    value: string | number | undefined,
    path: PropertyKey[],
    what: string,
  ) => {
    if (value !== undefined && !known.has(value))
      ctx.addIssue({ code: "custom", path, message: `Unknown ${what} "${value}".` });
  };
  const checkCitations = (citations: Array<{ source: string; via?: string }>, base: PropertyKey[]) =>
    citations.forEach((citation, i) => {
      expect(sources, citation.source, [...base, "citations", i, "source"], "source");
      expect(sources, citation.via, [...base, "citations", i, "via"], "source");
    });

  seed.actors.forEach((actor, i) => expect(actors, actor.parent, ["actors", i, "parent"], "actor"));
  const n = seed.negotiation;
  n.participants.forEach((p, i) => expect(actors, p.actor, ["negotiation", "participants", i, "actor"], "actor"));
  n.stageHistory.forEach((s, i) =>
    expect(developments, s.development, ["negotiation", "stageHistory", i, "development"], "development"),
  );
  n.terms.forEach((terms, t) => {
    expect(actors, terms.proposedBy, ["negotiation", "terms", t, "proposedBy"], "actor");
    terms.obligations.forEach((o, i) => {
      const path = ["negotiation", "terms", t, "obligations", i];
      expect(actors, o.releasing, [...path, "releasing"], "actor");
      expect(actors, o.receiving, [...path, "receiving"], "actor");
      if (!obligations.has(o.key) && !(o.releasing && o.receiving && o.category))
        ctx.addIssue({
          code: "custom",
          path,
          message: `New obligation "${o.key}" needs releasing, receiving and category.`,
        });
      if (!o.quantity === !o.perUnit)
        ctx.addIssue({
          code: "custom",
          path,
          message: "Give an obligation a quantity or a ratio (perUnit + perUnitOf).",
        });
      obligations.add(o.key);
      expect(obligations, o.perUnitOf, [...path, "perUnitOf"], "obligation");
    });
    checkCitations(terms.citations, ["negotiation", "terms", t]);
  });
  n.developments.forEach((development, d) => {
    development.actors.forEach((actor, i) =>
      expect(actors, actor, ["negotiation", "developments", d, "actors", i], "actor"),
    );
    expect(termsNumbers, development.terms, ["negotiation", "developments", d, "terms"], "terms version");
    development.transfers.forEach((transfer, i) => {
      const path = ["negotiation", "developments", d, "transfers", i];
      expect(obligations, transfer.obligation, [...path, "obligation"], "obligation");
      expect(actors, transfer.intermediary, [...path, "intermediary"], "actor");
      transfer.accounts.forEach((a, j) => {
        expect(actors, a.attributedTo, [...path, "accounts", j, "attributedTo"], "actor");
        expect(sources, a.source, [...path, "accounts", j, "source"], "source");
      });
    });
    checkCitations(development.citations, ["negotiation", "developments", d]);
  });
  n.figures.forEach((figure, f) =>
    figure.claims.forEach((claim, c) => checkCitations(claim.citations, ["negotiation", "figures", f, "claims", c])),
  );
});

export const seedStaffSchema = z.array(
  z.strictObject({
    email: z.email().transform((email) => email.toLowerCase()),
    name: requiredText(120),
    role: z.enum(roles),
    password: z.string().min(12),
  }),
);
