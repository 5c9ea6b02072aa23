import { requestStorage } from "./request-context";

// Outside Next.js there is no data cache: cached functions run every time, and
// invalidations are recorded on the current request for tests to inspect.
function record(entry: string) {
  requestStorage.getStore()?.revalidated.push(entry);
}

export function revalidatePath(path: string) {
  record(`path:${path}`);
}

export function revalidateTag(tag: string) {
  record(`tag:${tag}`);
}

export function updateTag(tag: string) {
  record(`tag:${tag}`);
}

export function unstable_cache<T extends (...args: never[]) => Promise<unknown>>(fn: T): T {
  return fn;
}
