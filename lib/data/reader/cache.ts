import "server-only";
import { unstable_cache } from "next/cache";

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

export function cachedReader<Args extends unknown[], Result>(
  name: string,
  fn: (...args: Args) => Promise<Result>,
  tagsFor: (...args: Args) => string[],
): (...args: Args) => Promise<Result> {
  return (...args: Args) => unstable_cache(() => fn(...args), [name, JSON.stringify(args)], { tags: tagsFor(...args), revalidate: READER_CACHE_SECONDS })();
}
