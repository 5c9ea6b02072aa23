import "server-only";
import { createHash } from "node:crypto";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import {
  classifyDatabaseError,
  DATABASE_UNAVAILABLE_DIGEST,
  DatabaseUnavailableError,
  isDatabaseUnavailable,
  noteDatabaseOutage,
} from "@/lib/db/connection";
import { lastChangeAt } from "@/lib/server/change-clock";
import { expireNextCacheTags } from "@/lib/server/cross-instance-invalidation";
import { READER_DATA_TAG } from "@/lib/server/reader-data-tag";

/**
 * Reader data is cached and invalidated by tag when staff publish or correct
 * (lib/data/editor/cache.ts). Other app instances learn of the change through
 * PostgreSQL LISTEN/NOTIFY within a second and expire `readerTags.all`
 * (lib/server/cross-instance-invalidation.ts); this lifetime is only the backstop.
 */
export const READER_CACHE_SECONDS = 30;

export const readerTags = {
  /** On every reader entry: what another instance's change notification expires. */
  all: READER_DATA_TAG,
  list: "negotiations",
  negotiation: (slug: string) => `negotiation:${slug}`,
  actor: (slug: string) => `actor:${slug}`,
  source: (slug: string) => `source:${slug}`,
};

/**
 * A reader query cached across requests (unstable_cache, by tag) and shared
 * within one request (React's cache): a page and its generateMetadata asking
 * for the same negotiation run the query once on a cache miss, not twice.
 *
 * Each entry remembers when its query began. Next stamps an entry with the time it was stored,
 * so a query that began before a change's commit and finished after the change expired the tags
 * would be kept as fresh for READER_CACHE_SECONDS with the old data. Such an entry (begun before
 * the last change this process learned of) is expired on sight, alone, and read again.
 */
export function cachedReader<Args extends unknown[], Result>(
  name: string,
  fn: (...args: Args) => Promise<Result>,
  tagsFor: (...args: Args) => string[],
): (...args: Args) => Promise<Result> {
  return cache(async (...args: Args) => {
    const key = [name, JSON.stringify(args)];
    const entryTag = `reader-entry:${createHash("sha256").update(key.join("\u0000")).digest("base64url")}`;
    const read = unstable_cache(async () => ({ readAt: Date.now(), value: await fn(...args) }), key, {
      tags: [readerTags.all, entryTag, ...tagsFor(...args)],
      revalidate: READER_CACHE_SECONDS,
    });
    try {
      const entry = await read();
      if (entry.readAt >= lastChangeAt()) return entry.value;
      expireNextCacheTags([entryTag]);
      const again = await read();
      // Still the old entry only if the expiry is not in effect yet (Next checks it against another clock).
      return again.readAt >= lastChangeAt() ? again.value : await fn(...args);
    } catch (error) {
      throw isDatabaseUnavailable(error) ? databaseOutage(error) : error;
    }
  });
}

/**
 * Marked with a digest the error pages recognise, so readers are told what is
 * wrong instead of "something went wrong", and noted so the server answers 503
 * (scripts/app-server.ts). An outage is expected: one short line, no stack or
 * cause chain, so Next.js's error log does not flood with traces while it lasts.
 */
function databaseOutage(cause: unknown): DatabaseUnavailableError {
  noteDatabaseOutage();
  const failure = classifyDatabaseError(cause) ?? "unavailable";
  const error = new DatabaseUnavailableError(`The database is unavailable (${failure}).`, { failure });
  error.stack = `${error.name}: ${error.message}`;
  return Object.assign(error, { digest: DATABASE_UNAVAILABLE_DIGEST });
}
