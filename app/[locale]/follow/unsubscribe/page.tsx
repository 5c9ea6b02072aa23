import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FollowNotice } from "@/components/follow/follow-notice";
import { Button } from "@/components/ui/button";
import { currentLocale } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("follow.pages");
  return { title: t("unsubscribeTitle"), referrer: "no-referrer" };
}

type Props = { searchParams: Promise<{ token?: string | string[]; result?: string | string[] }> };

/** The unsubscribe link in an alert's text: one button, posting what mail programs post (RFC 8058). */
export default async function UnsubscribePage({ searchParams }: Props) {
  const [{ token, result }, t, locale] = await Promise.all([
    searchParams,
    getTranslations("follow.pages"),
    currentLocale(),
  ]);
  if (result === "done" || result === "invalid" || typeof token !== "string")
    return (
      <FollowNotice title={t("unsubscribeTitle")}>
        <p role="status">{result === "done" ? t("unsubscribed") : t("unsubscribeInvalid")}</p>
      </FollowNotice>
    );
  // The answer comes back to this page in this language (the API takes lang=, English by default).
  const query = new URLSearchParams({ token: token.slice(0, 200), ...(locale === "en" ? {} : { lang: locale }) });
  return (
    <FollowNotice title={t("unsubscribeTitle")}>
      <p>{t("unsubscribeAsk")}</p>
      <form method="post" action={`/api/follow/unsubscribe?${query}`}>
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <Button type="submit">{t("unsubscribeButton")}</Button>
      </form>
    </FollowNotice>
  );
}
