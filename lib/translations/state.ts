// Whether a translation still matches its English original: by a SHA-256 of the original
// recorded when it was translated.
import { createHash } from "node:crypto";
import type { TranslationState } from "./fields";

export type { TranslationState };

/**
 * The fingerprint of an English original that a translation records. NFC first, so the same
 * text typed on another keyboard (composed vs decomposed accents) is not "changed"; surrounding
 * white space is trimmed by every form already.
 */
export function originalHash(original: string): string {
  return createHash("sha256").update(original.normalize("NFC"), "utf8").digest("hex");
}

/** What a stored translation (or its absence) means for the original as it reads now. */
export function translationState(original: string, stored: { originalHash: string } | null): TranslationState {
  // An empty original (no summary yet) has nothing to translate; a leftover translation is not shown.
  if (original.trim() === "") return "not-needed";
  if (!stored) return "missing";
  return stored.originalHash === originalHash(original) ? "current" : "outdated";
}
