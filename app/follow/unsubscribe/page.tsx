import { FollowNotice } from "@/components/follow/follow-notice";
import { followText } from "@/components/follow/follow-text";
import { Button } from "@/components/ui/button";

export const metadata = { title: followText.unsubscribeTitle, referrer: "no-referrer" };

type Props = { searchParams: Promise<{ token?: string | string[]; result?: string | string[] }> };

/** The unsubscribe link in an alert's text: one button, posting what mail programs post (RFC 8058). */
export default async function UnsubscribePage({ searchParams }: Props) {
  const { token, result } = await searchParams;
  if (result === "done" || result === "invalid" || typeof token !== "string")
    return (
      <FollowNotice title={followText.unsubscribeTitle}>
        <p role="status">{result === "done" ? followText.unsubscribed : followText.unsubscribeInvalid}</p>
      </FollowNotice>
    );
  const action = `/api/follow/unsubscribe?${new URLSearchParams({ token: token.slice(0, 200) })}`;
  return (
    <FollowNotice title={followText.unsubscribeTitle}>
      <p>{followText.unsubscribeAsk}</p>
      <form method="post" action={action}>
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <Button type="submit">{followText.unsubscribeButton}</Button>
      </form>
    </FollowNotice>
  );
}
