import { PRIVATE_NO_STORE } from "@/lib/server/public-cache-control";

/**
 * 303 to one of Parley's own follow pages. The Location is a fixed relative path built here,
 * never taken from the request, so these routes cannot redirect anywhere else.
 */
export function seeFollowPage(path: `/follow/${string}`, query: Record<string, string> = {}): Response {
  const search = new URLSearchParams(query).toString();
  return new Response(null, {
    status: 303,
    headers: { Location: search ? `${path}?${search}` : path, "Cache-Control": PRIVATE_NO_STORE },
  });
}

/** A form field or query value as text (absent, a file or a repeated field: empty). */
export function formText(form: FormData | null, name: string): string {
  const value = form?.get(name);
  return typeof value === "string" ? value : "";
}
