import "server-only";
import { unstable_cache } from "next/cache";
import { cache } from "react";

/**
 * Reader data is cached and invalidated by tag when staff publish or correct
 * (see revalidateReaderData). The short lifetime bounds staleness on other app
 * instances, which do not see this instance's invalidations.
 */
export const READER_CACHE_SECONDS = 30;

export const readerTags = {
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
  return cache((...args: Args) => unstable_cache(() => fn(...args), [name, JSON.stringify(args)], { tags: tagsFor(...args), revalidate: READER_CACHE_SECONDS })());
}
