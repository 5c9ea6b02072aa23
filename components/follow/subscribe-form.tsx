import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * The reader's alert sign-up: a plain form posting to /api/follow/subscribe, so it works without
 * JavaScript and keeps the page it sits on cacheable (it holds nothing about the reader).
 */
export function SubscribeForm({ negotiationSlug }: { negotiationSlug?: string }) {
  const t = useTranslations("pageFollow");
  const field = negotiationSlug ? `follow-email-${negotiationSlug}` : "follow-email";
  return (
    <section
      aria-labelledby={`${field}-heading`}
      className="mt-10 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
      data-testid="subscribe-form"
    >
      <h2 id={`${field}-heading`} className="font-serif text-xl font-bold">
        {negotiationSlug ? t("headingOne") : t("headingAll")}
      </h2>
      <p className="mt-1 max-w-prose text-sm text-stone-700 dark:text-stone-300">{t("explanation")}</p>
      <form method="post" action="/api/follow/subscribe" className="mt-3 flex flex-wrap items-end gap-2">
        <input type="hidden" name="negotiation" value={negotiationSlug ?? ""} />
        <label htmlFor={field} className="grid gap-1 text-sm font-medium">
          {t("emailLabel")}
          <input
            id={field}
            name="email"
            type="email"
            required
            maxLength={320}
            autoComplete="email"
            className="rounded border border-stone-300 px-3 py-2 dark:border-stone-600 dark:bg-stone-950"
          />
        </label>
        <Button type="submit">{t("submit")}</Button>
      </form>
    </section>
  );
}
