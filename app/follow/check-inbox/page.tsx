import { FollowNotice } from "@/components/follow/follow-notice";
import { followText } from "@/components/follow/follow-text";

export const metadata = { title: followText.checkInboxTitle };

type Props = { searchParams: Promise<{ problem?: string | string[] }> };

/** The sign-up's only answer: the same whether or not the address was subscribed before. */
export default async function CheckInboxPage({ searchParams }: Props) {
  const { problem } = await searchParams;
  const message =
    problem === "invalid" ? followText.invalid : problem === "too-many" ? followText.tooMany : followText.checkInbox;
  return (
    <FollowNotice title={followText.checkInboxTitle}>
      <p role="status">{message}</p>
    </FollowNotice>
  );
}
