import { FollowNotice } from "@/components/follow/follow-notice";
import { followText } from "@/components/follow/follow-text";
import { Button } from "@/components/ui/button";

export const metadata = { title: followText.confirmTitle, referrer: "no-referrer" };

type Props = { searchParams: Promise<{ token?: string | string[]; result?: string | string[] }> };

/**
 * Opening the link only shows a button: the POST confirms. Mail scanners fetch links, and must not
 * confirm a subscription on someone's behalf. The token is used as it came, inside a form field.
 */
export default async function ConfirmPage({ searchParams }: Props) {
  const { token, result } = await searchParams;
  if (result === "confirmed" || result === "invalid")
    return (
      <FollowNotice title={followText.confirmTitle}>
        <p role="status">{result === "confirmed" ? followText.confirmed : followText.confirmInvalid}</p>
      </FollowNotice>
    );
  return (
    <FollowNotice title={followText.confirmTitle}>
      <p>{followText.confirmAsk}</p>
      <form method="post" action="/api/follow/confirm">
        <input type="hidden" name="token" value={typeof token === "string" ? token.slice(0, 200) : ""} />
        <Button type="submit">{followText.confirmButton}</Button>
      </form>
    </FollowNotice>
  );
}
