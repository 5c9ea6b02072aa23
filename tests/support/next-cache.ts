import { currentRequest } from "./request-context";

export function revalidatePath(path: string) {
  currentRequest().revalidated.push(`path:${path}`);
}

export function revalidateTag(tag: string) {
  currentRequest().revalidated.push(`tag:${tag}`);
}

export function updateTag(tag: string) {
  currentRequest().revalidated.push(`tag:${tag}`);
}
