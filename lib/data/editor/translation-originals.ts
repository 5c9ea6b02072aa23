import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TranslatableField } from "@/lib/translations/fields";

type Tx = Prisma.TransactionClient;

/** The English a translation is of, and what a change to it must refresh. */
export type TranslationOriginal = {
  text: string;
  /** The negotiation it belongs to (audit row, cache); null for sources. */
  negotiationId: string | null;
  negotiationSlug: string | null;
  sourceSlug: string | null;
};

const inNegotiation = (text: string, negotiation: { id: string; slug: string }): TranslationOriginal => ({
  text,
  negotiationId: negotiation.id,
  negotiationSlug: negotiation.slug,
  sourceSlug: null,
});
const negotiationRef = { select: { id: true, slug: true } } as const;

/**
 * The original text of one translatable field as it reads now; null when the record does not
 * exist. An obligation's description is the one its newest terms version states.
 */
export async function loadOriginal(
  tx: Tx,
  field: TranslatableField,
  entityId: string,
): Promise<TranslationOriginal | null> {
  switch (field) {
    case "NEGOTIATION_TITLE":
    case "NEGOTIATION_SUMMARY": {
      const row = await tx.negotiation.findUnique({
        where: { id: entityId },
        select: { id: true, slug: true, title: true, summary: true },
      });
      return row && inNegotiation(field === "NEGOTIATION_TITLE" ? row.title : row.summary, row);
    }
    case "DEVELOPMENT_TITLE":
    case "DEVELOPMENT_SUMMARY": {
      const row = await tx.development.findUnique({
        where: { id: entityId },
        select: { title: true, summary: true, negotiation: negotiationRef },
      });
      return row && inNegotiation(field === "DEVELOPMENT_TITLE" ? row.title : row.summary, row.negotiation);
    }
    case "OBLIGATION_DESCRIPTION": {
      const row = await tx.obligation.findUnique({
        where: { id: entityId },
        select: {
          negotiation: negotiationRef,
          terms: {
            orderBy: { termsVersion: { number: "desc" } },
            take: 1,
            select: { description: true },
          },
        },
      });
      return row && inNegotiation(row.terms[0]?.description ?? "", row.negotiation);
    }
    case "FIGURE_LABEL":
    case "FIGURE_DESCRIPTION": {
      const row = await tx.figure.findUnique({
        where: { id: entityId },
        select: { label: true, description: true, negotiation: negotiationRef },
      });
      return row && inNegotiation(field === "FIGURE_LABEL" ? row.label : row.description, row.negotiation);
    }
    case "CORRECTION_NOTE": {
      const row = await tx.correction.findUnique({
        where: { id: entityId },
        select: { note: true, development: { select: { negotiation: negotiationRef } } },
      });
      return row && inNegotiation(row.note, row.development.negotiation);
    }
    case "SOURCE_DESCRIPTION": {
      const row = await tx.source.findUnique({
        where: { id: entityId },
        select: { slug: true, publicDescription: true },
      });
      return row && { text: row.publicDescription, negotiationId: null, negotiationSlug: null, sourceSlug: row.slug };
    }
  }
}
