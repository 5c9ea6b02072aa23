import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FollowNotice } from "@/components/follow/follow-notice";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("follow.pages");
  return { title: t("checkInboxTitle") };
}

type Props = { searchParams: Promise<{ problem?: string | string[] }> };

/** The sign-up's only answer: the same whether or not the address was subscribed before. */
export default async function CheckInboxPage({ searchParams }: Props) {
  const [{ problem }, t] = await Promise.all([searchParams, getTranslations("follow.pages")]);
  const message = problem === "invalid" ? t("invalid") : problem === "too-many" ? t("tooMany") : t("checkInbox");
  return (
    <FollowNotice title={t("checkInboxTitle")}>
      <p role="status">{message}</p>
    </FollowNotice>
  );
}
