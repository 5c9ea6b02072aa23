// The reader's alert sign-up (components/follow/subscribe-form.tsx posts here; no account, so no
// server action). It answers "check your inbox" whether or not the address is already
// subscribed; the double opt-in mail is the only thing that reaches the address.
import { auditClientFromHeaders } from "@/lib/audit/request-client";
import { requestSubscription } from "@/lib/data/follow";
import { formText, seeFollowPage } from "@/lib/follow/responses";
import { subscribeSchema } from "@/lib/validation/follow";

export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const parsed = subscribeSchema.safeParse({
    email: formText(form, "email"),
    negotiation: formText(form, "negotiation"),
  });
  if (!parsed.success) return seeFollowPage("/follow/check-inbox", { problem: "invalid" });
  const client = auditClientFromHeaders(request.headers).clientAddress ?? "unknown";
  const outcome = await requestSubscription(parsed.data, client);
  return seeFollowPage("/follow/check-inbox", outcome === "too-many" ? { problem: "too-many" } : {});
}
