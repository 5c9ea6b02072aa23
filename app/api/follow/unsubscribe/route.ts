// One-click unsubscribe (RFC 8058): mail programs POST `List-Unsubscribe=One-Click` to the URL in
// every alert's List-Unsubscribe header; the page's button posts the same. A GET (a person or a
// link scanner opening the URL) only leads to that page, and changes nothing. The API exists
// once, outside the language tree, so an Arabic subscriber's URL carries `lang=ar` (as embeds
// and the read API do) and the answer leads to the Arabic page.
import { unsubscribe } from "@/lib/data/follow";
import { refuseFollowRequest, seeFollowPage } from "@/lib/follow/responses";
import { followLocaleSchema, followTokenSchema } from "@/lib/validation/follow";

const paramsOf = (request: Request) => {
  const params = new URL(request.url).searchParams;
  return {
    token: followTokenSchema.safeParse(params.get("token") ?? ""),
    locale: followLocaleSchema.safeParse(params.get("lang") ?? ""),
  };
};

export async function POST(request: Request) {
  const { token, locale } = paramsOf(request);
  if (!locale.success) return refuseFollowRequest(locale.error.issues[0]!.message);
  const done = token.success && (await unsubscribe(token.data));
  return seeFollowPage("/follow/unsubscribe", { result: done ? "done" : "invalid" }, locale.data);
}

export function GET(request: Request) {
  const { token, locale } = paramsOf(request);
  if (!locale.success) return refuseFollowRequest(locale.error.issues[0]!.message);
  return seeFollowPage(
    "/follow/unsubscribe",
    token.success ? { token: token.data } : { result: "invalid" },
    locale.data,
  );
}
