import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FollowNotice } from "@/components/follow/follow-notice";
import { Button } from "@/components/ui/button";
import { currentLocale } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("follow.pages");
  return { title: t("confirmTitle"), referrer: "no-referrer" };
}

type Props = { searchParams: Promise<{ token?: string | string[]; result?: string | string[] }> };

/**
 * Opening the link only shows a button: the POST confirms. Mail scanners fetch links, and must not
 * confirm a subscription on someone's behalf. The token is used as it came, inside a form field.
 * The button sends this page's language, the language of the mail the link came in.
 */
export default async function ConfirmPage({ searchParams }: Props) {
  const [{ token, result }, t, locale] = await Promise.all([
    searchParams,
    getTranslations("follow.pages"),
    currentLocale(),
  ]);
  if (result === "confirmed" || result === "invalid")
    return (
      <FollowNotice title={t("confirmTitle")}>
        <p role="status">{result === "confirmed" ? t("confirmed") : t("confirmInvalid")}</p>
      </FollowNotice>
    );
  return (
    <FollowNotice title={t("confirmTitle")}>
      <p>{t("confirmAsk")}</p>
      <form method="post" action="/api/follow/confirm">
        <input type="hidden" name="token" value={typeof token === "string" ? token.slice(0, 200) : ""} />
        <input type="hidden" name="locale" value={locale} />
        <Button type="submit">{t("confirmButton")}</Button>
      </form>
    </FollowNotice>
  );
}
