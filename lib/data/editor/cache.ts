import "server-only";
import { updateTag } from "next/cache";
import { clearPublicPageCache } from "@/lib/server/page-cache";
import { readerTags } from "../reader/cache";

/** After staff publish or correct, readers see the change on their next request. */
export function invalidateReaderData(negotiationSlug: string, sourceSlugs: string[] = []): void {
  updateTag(readerTags.list);
  updateTag(readerTags.negotiation(negotiationSlug));
  for (const slug of sourceSlugs) updateTag(readerTags.source(slug));
  clearPublicPageCache();
}

/** After an admin changes sources readers can see (name, rating, merges). */
export function invalidateSourcePages(sourceSlugs: string[], options: { list?: boolean } = {}): void {
  for (const slug of sourceSlugs) updateTag(readerTags.source(slug));
  if (options.list) updateTag(readerTags.list);
  clearPublicPageCache();
}
