import { useLocale, useTranslations } from "next-intl";
import type { KeyEvent } from "@/lib/data/reader/key-events";
import { localePath } from "@/i18n/paths";
import { isLocale, type Locale } from "@/i18n/routing";
import { developmentAnchor } from "./development-item";
import { PartialDate } from "./partial-date";
import { Untranslated } from "./untranslated";

/** Where a key event's timeline entry is: its page of the newest-first timeline, then its anchor. */
export function keyEventHref(slug: string, event: Pick<KeyEvent, "id" | "timelinePage">, locale: Locale = "en") {
  const page = event.timelinePage > 1 ? `?page=${event.timelinePage}` : "";
  // A plain link (no client router), so the Arabic page's /ar prefix is added here.
  return localePath(locale, `/negotiations/${slug}`) + `${page}#${developmentAnchor(event.id)}`;
}

/**
 * The developments editors marked as key, oldest first, near the top of the page (as live
 * pages pin them). Plain links: no client script, no prefetch.
 */
export function KeyEvents({ slug, events }: { slug: string; events: KeyEvent[] }) {
  const t = useTranslations("pageKeyEvents");
  const pageLocale = useLocale();
  const locale = isLocale(pageLocale) ? pageLocale : "en";
  if (events.length === 0) return null;
  return (
    <section
      aria-labelledby="key-events-heading"
      className="rounded-lg border-s-4 border-amber-600 bg-amber-50 py-3 ps-4 pe-3 dark:border-amber-400 dark:bg-stone-900"
      data-testid="key-events"
    >
      <h2 id="key-events-heading" className="font-serif text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-stone-700 dark:text-stone-300">{t("intro")}</p>
      <ol className="mt-2 grid gap-1">
        {events.map((event) => (
          <li key={event.id} className="flex flex-wrap gap-x-3">
            <span className="min-w-28 text-sm text-stone-700 tabular-nums dark:text-stone-300">
              <PartialDate iso={event.occurredOn} precision={event.occurredPrecision} />
            </span>
            <a href={keyEventHref(slug, event, locale)} className="font-medium underline" dir="auto">
              <Untranslated
                text={event.localized.title.text}
                lang={event.localized.title.lang}
                pageLocale={locale}
                note={false}
              />
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
