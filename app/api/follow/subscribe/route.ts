// The reader's alert sign-up (components/follow/subscribe-form.tsx posts here; no account, so no
// server action). It answers "check your inbox" whether or not the address is already
// subscribed; the double opt-in mail is the only thing that reaches the address.
import { auditClientFromHeaders } from "@/lib/audit/request-client";
import { requestSubscription } from "@/lib/data/follow";
import { formText, refuseFollowRequest, seeFollowPage } from "@/lib/follow/responses";
import { followLocaleSchema, subscribeSchema } from "@/lib/validation/follow";

export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  // The form always sends its page's language: anything but en/ar is a broken or forged post.
  const locale = followLocaleSchema.safeParse(formText(form, "locale"));
  if (!locale.success) return refuseFollowRequest(locale.error.issues[0]!.message);
  const parsed = subscribeSchema.safeParse({
    email: formText(form, "email"),
    negotiation: formText(form, "negotiation"),
    locale: locale.data,
  });
  if (!parsed.success) return seeFollowPage("/follow/check-inbox", { problem: "invalid" }, locale.data);
  const client = auditClientFromHeaders(request.headers).clientAddress ?? "unknown";
  const outcome = await requestSubscription(parsed.data, client);
  return seeFollowPage("/follow/check-inbox", outcome === "too-many" ? { problem: "too-many" } : {}, locale.data);
}
