// The confirmation link's button posts here (the link itself only shows the button, so a mail
// scanner that fetches links cannot confirm a subscription the reader never asked for).
import { confirmSubscription } from "@/lib/data/follow";
import { formText, seeFollowPage } from "@/lib/follow/responses";
import { followTokenSchema } from "@/lib/validation/follow";

export async function POST(request: Request) {
  const token = followTokenSchema.safeParse(formText(await request.formData().catch(() => null), "token"));
  const confirmed = token.success && (await confirmSubscription(token.data));
  return seeFollowPage("/follow/confirm", { result: confirmed ? "confirmed" : "invalid" });
}
