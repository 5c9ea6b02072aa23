import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

export async function SiteFooter() {
  const t = await getTranslations("layout");
  return (
    <footer className="border-t border-stone-200 px-4 py-6 text-center text-xs text-stone-600 dark:border-stone-800 dark:text-stone-400">
      {t("footer")}{" "}
      <Link href="/developers" className="underline" prefetch={false}>
        {t("apiAndFeeds")}
      </Link>
    </footer>
  );
}
