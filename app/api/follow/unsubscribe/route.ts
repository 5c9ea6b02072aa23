// One-click unsubscribe (RFC 8058): mail programs POST `List-Unsubscribe=One-Click` to the URL in
// every alert's List-Unsubscribe header; the page's button posts the same. A GET (a person or a
// link scanner opening the URL) only leads to that page, and changes nothing.
import { unsubscribe } from "@/lib/data/follow";
import { seeFollowPage } from "@/lib/follow/responses";
import { followTokenSchema } from "@/lib/validation/follow";

const tokenOf = (request: Request) => followTokenSchema.safeParse(new URL(request.url).searchParams.get("token") ?? "");

export async function POST(request: Request) {
  const token = tokenOf(request);
  const done = token.success && (await unsubscribe(token.data));
  return seeFollowPage("/follow/unsubscribe", { result: done ? "done" : "invalid" });
}

export function GET(request: Request) {
  const token = tokenOf(request);
  return seeFollowPage("/follow/unsubscribe", token.success ? { token: token.data } : { result: "invalid" });
}
