// What an app instance does when any instance reports a change (lib/server/change-feed.ts):
// forget its rendered public pages and expire its cached reader data, so its next reader gets
// fresh data within a second of the write, whichever instance took it.
// No Next.js or server-only imports: the production server loads this outside the bundle.
import { createRequire } from "node:module";
import type { ChangeFeed } from "./change-feed";
import { noteChange } from "./change-clock";
import { READER_DATA_TAG } from "./reader-data-tag";

type TagsManifest = Map<string, { expired?: number; stale?: number }>;

/**
 * Expires cache tags in this process's Next.js data cache. revalidateTag() only works inside a
 * request or server action; a notification arrives outside both. Next's default cache handler
 * keeps tag expiry in the process-wide `tagsManifest` of this module (marked `.external`, so
 * the server and every route bundle share one copy), and its own revalidateTag() does exactly
 * this. tests/integration/cross-instance-invalidation checks it against the installed Next.
 */
export function expireNextCacheTags(tags: string[]): void {
  const manifest = tagsManifest();
  const now = Date.now();
  for (const tag of tags) manifest.set(tag, { ...manifest.get(tag), expired: now });
}

let manifest: TagsManifest | undefined;
function tagsManifest(): TagsManifest {
  manifest ??= (
    createRequire(import.meta.url)("next/dist/server/lib/incremental-cache/tags-manifest.external.js") as {
      tagsManifest: TagsManifest;
    }
  ).tagsManifest;
  return manifest;
}

/** Clears `pageCache` and expires reader data on every change the feed reports. */
export function invalidateOnChange(feed: ChangeFeed, pageCache: { clear(): void } | null): () => void {
  return feed.subscribe(() => {
    // First, so a reader query that began before this moment is known to be possibly stale
    // even when its result is stored after the expiry below (lib/data/reader/cache.ts).
    noteChange();
    pageCache?.clear();
    expireNextCacheTags([READER_DATA_TAG]);
  });
}
