import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

/** The 404 text, in the request's language. */
export async function NotFoundMessage() {
  const t = await getTranslations("notFound");
  return (
    <div className="py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent dark:text-red-300">404</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-stone-700 dark:text-stone-300">{t("body")}</p>
      <Link href="/" className="mt-6 inline-block underline">
        {t("back")}
      </Link>
    </div>
  );
}
