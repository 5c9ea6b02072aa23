import { localePath } from "@/i18n/paths";
import type { MailLocale } from "@/lib/follow/mail-locale";
import { PRIVATE_NO_STORE } from "@/lib/server/public-cache-control";

/**
 * 303 to one of Parley's own follow pages, in the reader's language (`/ar/follow/…` for Arabic,
 * the unprefixed English address otherwise). The Location is a fixed relative path built here,
 * never taken from the request, so these routes cannot redirect anywhere else.
 */
export function seeFollowPage(
  path: `/follow/${string}`,
  query: Record<string, string> = {},
  locale: MailLocale = "en",
): Response {
  const search = new URLSearchParams(query).toString();
  const target = localePath(locale, path);
  return new Response(null, {
    status: 303,
    headers: { Location: search ? `${target}?${search}` : target, "Cache-Control": PRIVATE_NO_STORE },
  });
}

/** A 400 that says what was wrong (a language other than en or ar, say), never cached. */
export function refuseFollowRequest(message: string): Response {
  return new Response(`${message}\n`, {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": PRIVATE_NO_STORE },
  });
}

/** A form field or query value as text (absent, a file or a repeated field: empty). */
export function formText(form: FormData | null, name: string): string {
  const value = form?.get(name);
  return typeof value === "string" ? value : "";
}
