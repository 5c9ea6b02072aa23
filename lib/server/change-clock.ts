// When this process last learned that readers' data changed (a change notification from any
// instance, its own writes included: PostgreSQL delivers a NOTIFY to the listener of the session
// that sent it too). Kept on globalThis because the production server (outside the bundle) sets it
// and the reader-data cache (inside Next's bundle) reads it.
// No Next.js or server-only imports: the production server loads this outside the bundle.
const KEY = Symbol.for("parley.last-change-at");

type WithClock = { [KEY]?: number };

export function noteChange(at = Date.now()): void {
  (globalThis as WithClock)[KEY] = at;
}

/** Date.now() when the last change was learned of; 0 before any. */
export function lastChangeAt(): number {
  return (globalThis as WithClock)[KEY] ?? 0;
}
