import "server-only";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import {
  classifyDatabaseError,
  DATABASE_UNAVAILABLE_DIGEST,
  DatabaseUnavailableError,
  isDatabaseUnavailable,
  noteDatabaseOutage,
} from "@/lib/db/connection";
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
 */
export function cachedReader<Args extends unknown[], Result>(
  name: string,
  fn: (...args: Args) => Promise<Result>,
  tagsFor: (...args: Args) => string[],
): (...args: Args) => Promise<Result> {
  return cache((...args: Args) =>
    unstable_cache(() => fn(...args), [name, JSON.stringify(args)], {
      tags: [readerTags.all, ...tagsFor(...args)],
      revalidate: READER_CACHE_SECONDS,
    })().catch((error: unknown) => {
      throw isDatabaseUnavailable(error) ? databaseOutage(error) : error;
    }),
  );
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
