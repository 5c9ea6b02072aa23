/**
 * The tag on every cached reader query (lib/data/reader/cache.ts): what an instance expires when
 * another instance reports a change (lib/server/cross-instance-invalidation.ts).
 */
export const READER_DATA_TAG = "reader";
