import { createHash } from "node:crypto";

/**
 * The strong validator of a JSON answer: a hash of its exact text. Pages compute the same
 * value for the data they render, so a client's first conditional request can already match.
 */
export function jsonEtag(text: string): string {
  return `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
}
