"use client";

import { useTranslations } from "next-intl";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/db/connection";

// Unexpected errors are logged on the server; readers get a generic message and a retry.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  const outage = error.digest === DATABASE_UNAVAILABLE_DIGEST;
  return (
    <div role="alert" className="py-16 text-center">
      <h1 className="font-serif text-3xl font-bold">{outage ? t("outageTitle") : t("title")}</h1>
      <p className="mt-3 text-stone-700 dark:text-stone-300">
        {outage ? t("outageBody") : t("body")} {t("retryLater")}
        {error.digest ? (
          <span className="mt-1 block text-xs text-stone-500">{t("reference", { digest: error.digest })}</span>
        ) : null}
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-ink px-4 py-2 text-white hover:opacity-90">
        {t("retry")}
      </button>
    </div>
  );
}
