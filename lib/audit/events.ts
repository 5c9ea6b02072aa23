// Every audited action and what its row keeps, as one zod discriminated union (documenso's
// model). writeAudit (lib/data/audit.ts) accepts only these events and stores what the schema
// parsed; code that reads rows back (revisions, restore, conflict messages, the admin log)
// parses them with the same schemas instead of casting JSON.
import { z } from "zod";
import { PublicationState, QuantityKind } from "@/lib/generated/prisma/enums";
import { translatableFields } from "@/lib/translations/fields";
import {
  actorKindSchema,
  citationAssessmentSchema,
  datePrecisionSchema,
  developmentKindSchema,
  participationRoleSchema,
  quantityQualifierSchema,
  reliabilitySchema,
  releaseCategorySchema,
  roleSchema,
  sourceKindSchema,
  sourceStatusSchema,
  stageSchema,
  termsStatusSchema,
  quantityKindSchema,
} from "@/lib/validation/enums";

const publicationSchema = z.enum(PublicationState);
const version = z.number().int();
/** Written as a Date, read back as the ISO string JSON made of it. */
const timestamp = z.union([z.date(), z.iso.datetime()]);
/** "2025", "2025-07" or "2025-07-14", as toPartialDateString writes it. */
const partialDate = z.string().regex(/^\d{4}(-\d{2}){0,2}$/);

/** A ledger quantity as lib/ledger/quantity.ts's fromColumns gives it. */
export const storedQuantitySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal(QuantityKind.EXACT), value: z.number(), wording: z.string().nullish() }),
  z.object({ kind: z.literal(QuantityKind.RANGE), min: z.number(), max: z.number(), wording: z.string().nullish() }),
  z.object({
    kind: z.literal(QuantityKind.APPROXIMATE),
    qualifier: quantityQualifierSchema,
    value: z.number(),
    wording: z.string().nullish(),
  }),
  z.object({ kind: z.literal(QuantityKind.UNKNOWN), wording: z.string() }),
]);

const quantityColumns = {
  quantityKind: z.enum(QuantityKind).nullable(),
  quantityValue: z.number().nullable(),
  quantityMin: z.number().nullable(),
  quantityMax: z.number().nullable(),
  quantityQualifier: quantityQualifierSchema.nullable(),
  quantityWording: z.string().nullable(),
};

// ───── Payloads ─────

const userStateSchema = z.object({ role: roleSchema, active: z.boolean() });
const userCreatedSchema = z.object({ email: z.string(), name: z.string(), role: roleSchema });

const negotiationSnapshotSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  region: z.string(),
  country: z.string(),
  stage: stageSchema,
  publication: publicationSchema,
  archivedAt: timestamp.nullable(),
  version,
});
const stageSyncSchema = z.object({ stage: stageSchema, version });

const citationSnapshotSchema = z.object({
  sourceId: z.string(),
  sourceName: z.string(),
  viaSourceId: z.string().nullable(),
  attribution: z.string(),
  url: z.string().nullable(),
  excerpt: z.string(),
  publishedOn: partialDate.nullable(),
  assessment: citationAssessmentSchema.default("UNASSESSED"),
});

const transferSnapshotSchema = z.object({
  obligationId: z.string(),
  quantity: storedQuantitySchema.nullable(),
  occurredOn: partialDate.nullable(),
  place: z.string(),
  /** The place's structure (absent in rows written before it was recorded). */
  placeCountry: z.string().nullish(),
  placeLatitude: z.number().nullish(),
  placeLongitude: z.number().nullish(),
  intermediaryId: z.string().nullable(),
  note: z.string(),
  accounts: z.array(
    z.object({
      attribution: z.string(),
      attributedToId: z.string().nullable(),
      /** The cited source of a differing count (absent in rows written before it was recorded). */
      sourceId: z.string().nullish(),
      sourceName: z.string().nullish(),
      sourceUrl: z.string().nullable(),
      quantity: storedQuantitySchema.nullable(),
    }),
  ),
});

/**
 * A development's editable facts: a revision, restorable as it is. Defaults cover rows
 * written before a field existed (the revision stays readable and restorable).
 */
export const developmentSnapshotSchema = z.object({
  title: z.string(),
  summary: z.string().default(""),
  kind: developmentKindSchema.default("OTHER"),
  occurredOn: partialDate,
  publication: publicationSchema,
  archived: z.boolean().default(false),
  actorIds: z.array(z.string()).default([]),
  citations: z.array(citationSnapshotSchema),
  stageChange: stageSchema.nullable().default(null),
  transfers: z.array(transferSnapshotSchema).default([]),
  /** Editorial emphasis (absent in rows written before it existed: not key). */
  keyEvent: z.boolean().default(false),
  place: z.string().default(""),
  placeCountry: z.string().nullish(),
  placeLatitude: z.number().nullish(),
  placeLongitude: z.number().nullish(),
  version,
  /** Set on the revision that recorded more released than agreed, confirmed by the editor. */
  confirmOverAgreed: z.boolean().optional(),
  correctionNote: z.string().optional(),
  typoOnly: z.boolean().optional(),
});
export type DevelopmentRevision = z.output<typeof developmentSnapshotSchema>;

const phaseSnapshotSchema = z.object({
  number: z.number().int(),
  name: z.string(),
  summary: z.string(),
  startedOn: partialDate.nullable(),
  endedOn: partialDate.nullable(),
  version,
});

const termsSnapshotSchema = z.object({
  id: z.string(),
  negotiationId: z.string(),
  phaseId: z.string(),
  number: z.number().int(),
  proposedOn: partialDate,
  proposedById: z.string().nullable(),
  status: termsStatusSchema,
  summary: z.string(),
  publication: publicationSchema,
  supersedesId: z.string().nullable(),
  version,
  obligations: z.array(
    z.object({
      obligationId: z.string(),
      position: z.number().int(),
      ...quantityColumns,
      perUnit: z.number().nullable(),
      perUnitOfId: z.string().nullable(),
      description: z.string(),
      withdrawn: z.boolean(),
      releasingActorId: z.string(),
      receivingActorId: z.string(),
      category: releaseCategorySchema,
      breakdowns: z.array(
        z.object({
          position: z.number().int(),
          label: z.string(),
          category: releaseCategorySchema.nullable(),
          ...quantityColumns,
        }),
      ),
    }),
  ),
  citations: z.array(
    z.object({
      sourceId: z.string(),
      viaSourceId: z.string().nullable(),
      attribution: z.string(),
      url: z.string().nullable(),
      excerpt: z.string(),
      publishedOn: timestamp.nullable(),
      assessment: citationAssessmentSchema,
      source: z.string(),
    }),
  ),
});

/** A source's public fields; confidential ones are never recorded, only that they changed. */
const sourceSnapshotSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  kind: sourceKindSchema,
  url: z.string().nullable(),
  language: z.string().nullable(),
  publicDescription: z.string(),
  reliability: reliabilitySchema,
  ratingRationale: z.string(),
  status: sourceStatusSchema,
  mergedIntoId: z.string().nullable(),
  version,
  confidentialFields: z.string().optional(),
});
const sourceProposedSchema = z.object({ id: z.string(), slug: z.string(), name: z.string(), kind: sourceKindSchema });

const actorCreatedSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  kind: actorKindSchema,
  aliases: z.array(z.object({ name: z.string(), language: z.string() })),
});

const participationSchema = z.object({
  id: z.string(),
  negotiationId: z.string(),
  actorId: z.string(),
  role: participationRoleSchema,
  side: z.string().nullable(),
  description: z.string(),
  position: z.number().int(),
  archivedAt: timestamp.nullable(),
});

const figureSchema = z.object({
  id: z.string(),
  negotiationId: z.string(),
  slug: z.string(),
  label: z.string(),
  unit: z.string(),
  description: z.string(),
  position: z.number().int(),
  publication: publicationSchema,
  archivedAt: timestamp.nullable(),
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
});

const figureClaimSchema = z.object({
  id: z.string(),
  figureId: z.string(),
  quantityKind: quantityKindSchema,
  quantityValue: z.number().int().nullable(),
  quantityMin: z.number().int().nullable(),
  quantityMax: z.number().int().nullable(),
  quantityQualifier: quantityQualifierSchema.nullable(),
  quantityWording: z.string().nullable(),
  asOf: timestamp.nullable(),
  asOfPrecision: datePrecisionSchema,
  note: z.string(),
  position: z.number().int(),
  archivedAt: timestamp.nullable(),
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
  /** How many citations the claim was saved with. */
  citations: z.number().int(),
});

/** One content translation as stored: the text and which English original it translated. */
const translationSnapshotSchema = z.object({
  id: z.string(),
  field: z.enum(translatableFields),
  entityId: z.string(),
  locale: z.string(),
  text: z.string(),
  originalHash: z.string(),
  version,
});

// ───── Events ─────

/** One audited action (or several that record the same shape) on one kind of record. */
function event<const A extends string, const T extends string, P extends { before?: z.ZodType; after?: z.ZodType }>(
  action: A | readonly [A, ...A[]],
  entityType: T | readonly [T, ...T[]],
  payload: P,
) {
  return z.object({
    action: typeof action === "string" ? z.literal(action) : z.literal(action),
    entityType: typeof entityType === "string" ? z.literal(entityType) : z.literal(entityType),
    entityId: z.string().min(1),
    negotiationId: z.string().nullish(),
    ...payload,
  });
}

export const auditEventSchema = z.discriminatedUnion("action", [
  event("webhook.endpoint.create", "WebhookEndpoint", { after: z.looseObject({ url: z.string() }) }),
  event(["webhook.endpoint.rotate-secret", "webhook.endpoint.delete"], "WebhookEndpoint", {}),
  event(["webhook.endpoint.enable", "webhook.endpoint.disable"], "WebhookEndpoint", {
    after: z.looseObject({ enabled: z.boolean() }),
  }),
  event("citation.rearchive", "Citation", { after: z.object({ url: z.string() }) }),
  event("user.create", "User", { after: userCreatedSchema }),
  event(["user.password.change", "user.password.reset"], "User", {}),
  event(["user.role.change", "user.deactivate", "user.reactivate"], "User", {
    before: userStateSchema,
    after: userStateSchema,
  }),
  event("negotiation.create", "Negotiation", { after: negotiationSnapshotSchema }),
  event(
    [
      "negotiation.update",
      "negotiation.publish",
      "negotiation.unpublish",
      "negotiation.archive",
      "negotiation.restore",
    ],
    "Negotiation",
    { before: negotiationSnapshotSchema, after: negotiationSnapshotSchema },
  ),
  event("negotiation.stage.sync", "Negotiation", { before: stageSyncSchema, after: stageSyncSchema }),
  event("development.create", "Development", { after: developmentSnapshotSchema }),
  event(
    [
      "development.update",
      "development.correct",
      "development.publish",
      "development.unpublish",
      "development.archive",
      "development.restore",
    ],
    "Development",
    { before: developmentSnapshotSchema, after: developmentSnapshotSchema },
  ),
  event("phase.create", "Phase", { after: phaseSnapshotSchema }),
  event("phase.update", "Phase", { before: phaseSnapshotSchema, after: phaseSnapshotSchema }),
  event("terms.create", "TermsVersion", { after: termsSnapshotSchema }),
  event(["terms.publish", "terms.unpublish"], "TermsVersion", {
    before: termsSnapshotSchema,
    after: termsSnapshotSchema,
  }),
  event("terms.discard", "TermsVersion", { before: termsSnapshotSchema }),
  event("actor.create", "Actor", { after: actorCreatedSchema }),
  event("participation.add", "Participation", { after: participationSchema }),
  event(["participation.remove", "participation.restore"], "Participation", {
    before: participationSchema.optional(),
    after: participationSchema,
  }),
  event("figure.create", "Figure", { after: figureSchema }),
  event("figure.claim.add", "FigureClaim", { after: figureClaimSchema }),
  event("source.propose", "Source", { after: sourceProposedSchema }),
  event("source.create", "Source", { after: sourceSnapshotSchema }),
  event(["source.update", "source.approve", "source.archive", "source.restore"], "Source", {
    before: sourceSnapshotSchema,
    after: sourceSnapshotSchema,
  }),
  event("source.delete", "Source", { before: sourceSnapshotSchema }),
  event("source.merge", "Source", {
    before: sourceSnapshotSchema,
    after: sourceSnapshotSchema.extend({ movedCitations: z.number().int() }),
  }),
  event("source.merge.receive", "Source", {
    after: z.object({ mergedFrom: z.string(), movedCitations: z.number().int() }),
  }),
  event("translation.save", "ContentTranslation", {
    before: translationSnapshotSchema.optional(),
    after: translationSnapshotSchema,
  }),
  event("translation.delete", "ContentTranslation", { before: translationSnapshotSchema }),
  /** A record imported from a seed case file (seeds/), as the file gave it (confidential notes left out). */
  event(
    "seed.create",
    [
      "Actor",
      "Source",
      "Negotiation",
      "TermsVersion",
      "Development",
      "StageChange",
      "Figure",
      "User",
      "ContentTranslation",
    ],
    { after: z.record(z.string(), z.unknown()) },
  ),
]);

/** What a caller of writeAudit passes: dates may still be Date objects. */
export type AuditEvent = z.input<typeof auditEventSchema>;
/** An event as read back from a row. */
export type StoredAuditEvent = z.output<typeof auditEventSchema>;
export type AuditAction = StoredAuditEvent["action"];

/** A stored row parsed as its event; null for a row no schema describes (written by older code). */
export function parseAuditRow(row: {
  action: string;
  entityType: string;
  entityId: string;
  negotiationId?: string | null;
  before: unknown;
  after: unknown;
}): StoredAuditEvent | null {
  const parsed = auditEventSchema.safeParse({
    ...row,
    before: row.before ?? undefined,
    after: row.after ?? undefined,
  });
  return parsed.success ? parsed.data : null;
}

/** A payload's top-level fields, whatever event wrote it: for listing what changed. */
export const payloadFieldsSchema = z.record(z.string(), z.unknown()).catch({});
