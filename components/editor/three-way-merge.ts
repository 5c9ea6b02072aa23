// A three-way merge of form values, field by field: what you typed (mine), what is saved now
// (theirs) and what you started from (base). Changes to different fields merge by themselves;
// the same field changed on both sides to different values needs the editor's choice, so
// another editor's newer change is never overwritten unseen.

/** Row keys are per page load, not content: left out when comparing. */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => key !== "key")
        .map(([key, v]) => [key, comparable(v)]),
    );
  return value;
}

export const sameValue = (a: unknown, b: unknown) => JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));

export type MergeResult<T, K> = { merged: T; conflicts: K[] };

export function threeWayMerge<T extends object, K extends keyof T & string>(
  base: T,
  mine: T,
  theirs: T,
  fields: readonly K[],
): MergeResult<T, K> {
  const merged = { ...theirs };
  const conflicts: K[] = [];
  for (const field of fields) {
    const mineChanged = !sameValue(mine[field], base[field]);
    const theirsChanged = !sameValue(theirs[field], base[field]);
    if (!mineChanged) continue; // theirs (changed or not) stands
    if (!theirsChanged || sameValue(mine[field], theirs[field])) merged[field] = mine[field];
    else conflicts.push(field);
  }
  return { merged, conflicts };
}
