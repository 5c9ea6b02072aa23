import { randomBytes } from "node:crypto";

/** A URL-safe slug from any text, with a short random suffix so names may repeat. */
export function uniqueSlug(text: string, fallback = "item"): string {
  const base = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 100);
  return `${base || fallback}-${randomBytes(3).toString("hex")}`;
}
