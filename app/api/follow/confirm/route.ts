// The confirmation link's button posts here (the link itself only shows the button, so a mail
// scanner that fetches links cannot confirm a subscription the reader never asked for). The
// button sends its page's language: the language of the mail whose link was followed, which
// becomes the subscription's language only now (a re-subscription in another language changes
// nothing until it is confirmed).
import { confirmSubscription } from "@/lib/data/follow";
import { formText, refuseFollowRequest, seeFollowPage } from "@/lib/follow/responses";
import { followLocaleSchema, followTokenSchema } from "@/lib/validation/follow";

export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const rawLocale = formText(form, "locale");
  const locale = followLocaleSchema.safeParse(rawLocale);
  if (!locale.success) return refuseFollowRequest(locale.error.issues[0]!.message);
  const token = followTokenSchema.safeParse(formText(form, "token"));
  // No language field (a page from before it existed): the subscription keeps the one it has.
  const confirmed = token.success && (await confirmSubscription(token.data, rawLocale ? locale.data : undefined));
  return seeFollowPage("/follow/confirm", { result: confirmed ? "confirmed" : "invalid" }, locale.data);
}
