import "server-only";
import { requireAccess } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ConflictError, NotFoundError, RuleViolationError } from "@/lib/errors";
import { originalHash, translationState, type TranslationState } from "@/lib/translations/state";
import type { SaveTranslationInput } from "@/lib/validation/translation";
import { writeAudit } from "../audit";
import { invalidateReaderData, invalidateSourcePages } from "./cache";
import { loadOriginal } from "./translation-originals";

const snapshot = {
  id: true,
  field: true,
  entityId: true,
  locale: true,
  text: true,
  originalHash: true,
  version: true,
} as const;

export type SavedTranslation = { version: number; state: TranslationState };

/**
 * Saves (or, with empty text, removes) one translation, recording the English it was made
 * from, with its audit row in the same transaction. Source descriptions are admin-edited, so
 * only admins translate them.
 */
export async function saveTranslation(input: SaveTranslationInput): Promise<SavedTranslation> {
  const user = await requireAccess(input.field === "SOURCE_DESCRIPTION" ? "admin" : "journalist");
  const key = { field: input.field, entityId: input.entityId, locale: input.locale };
  try {
    const { result, original } = await db().$transaction(async (tx) => {
      const original = await loadOriginal(tx, input.field, input.entityId);
      if (!original) throw new NotFoundError("The text to translate no longer exists; reload the page.");
      const hash = originalHash(original.text);
      if (hash !== input.originalHash)
        throw new RuleViolationError(
          "The English text changed since this page was opened; reload to translate the new wording.",
          "text",
        );
      const existing = await tx.contentTranslation.findUnique({
        where: { field_entityId_locale: key },
        select: snapshot,
      });
      if ((existing?.version ?? 0) !== input.version)
        throw new ConflictError(
          "Someone else changed this translation since you opened the page; reload to see theirs before saving yours.",
        );
      const audit = {
        userId: user.id,
        entityType: "ContentTranslation",
        negotiationId: original.negotiationId,
      } as const;
      if (input.text === "") {
        if (existing) {
          await tx.contentTranslation.delete({ where: { id: existing.id } });
          await writeAudit(tx, { ...audit, action: "translation.delete", entityId: existing.id, before: existing });
        }
        return { result: { version: 0, state: translationState(original.text, null) }, original };
      }
      const after = existing
        ? await tx.contentTranslation.update({
            where: { id: existing.id, version: existing.version },
            data: { text: input.text, originalHash: hash, translatedById: user.id, version: { increment: 1 } },
            select: snapshot,
          })
        : await tx.contentTranslation.create({
            data: { ...key, text: input.text, originalHash: hash, translatedById: user.id },
            select: snapshot,
          });
      await writeAudit(tx, {
        ...audit,
        action: "translation.save",
        entityId: after.id,
        before: existing ?? undefined,
        after,
      });
      return { result: { version: after.version, state: translationState(original.text, after) }, original };
    });
    if (original.negotiationSlug) invalidateReaderData(original.negotiationSlug);
    if (original.sourceSlug) invalidateSourcePages([original.sourceSlug]);
    return result;
  } catch (error) {
    // Two first translations of the same text at once: the unique key lets one in.
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || error.code === "P2025"))
      throw new ConflictError("Someone else saved this translation at the same moment; reload to see it.");
    throw error;
  }
}
