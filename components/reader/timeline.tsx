import { useTranslations } from "next-intl";
import { useLocale } from "next-intl";
import { isLocale } from "@/i18n/routing";
import { formatNumber } from "@/lib/i18n-format";
import { Link } from "@/i18n/navigation";
import type { TimelinePage } from "@/lib/data/reader/types";
import { DevelopmentItem } from "./development-item";

function pageHref(slug: string, order: TimelinePage["order"], page: number) {
  const params = new URLSearchParams();
  if (order === "oldest") params.set("order", "oldest");
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return `/negotiations/${slug}${query ? `?${query}` : ""}#timeline`;
}

/** Published developments, one page at a time, with an order toggle that needs no JavaScript. */
export function Timeline({ slug, timeline }: { slug: string; timeline: TimelinePage }) {
  const other = timeline.order === "newest" ? "oldest" : "newest";
  const t = useTranslations("reader");
  const pageLocale = useLocale();
  const locale = isLocale(pageLocale) ? pageLocale : "en";
  return (
    <section aria-labelledby="timeline" className="scroll-mt-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="timeline" className="font-serif text-xl font-semibold">
          {t("timelineHeading")}
        </h2>
        <p className="text-sm">
          {t("timelineCount", {
            count: timeline.total,
            n: formatNumber(locale, timeline.total),
            order: timeline.order,
          })}{" "}
          ·{" "}
          <Link href={pageHref(slug, other, 1)} className="underline">
            {t("timelineShow", { order: other })}
          </Link>
        </p>
      </div>
      {timeline.items.length === 0 ? (
        <p className="mt-3 text-stone-700 dark:text-stone-300">{t("timelineEmpty")}</p>
      ) : (
        <ol className="mt-4" aria-label={t("timelineList", { order: timeline.order })}>
          {timeline.items.map((development) => (
            <DevelopmentItem key={development.id} development={development} locale={locale} />
          ))}
        </ol>
      )}
      {timeline.pageCount > 1 ? (
        <nav aria-label={t("timelinePages")} className="mt-2 flex items-center justify-between text-sm">
          {timeline.page > 1 ? (
            <Link href={pageHref(slug, timeline.order, timeline.page - 1)} rel="prev" className="underline">
              {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span>
            {t("pageOf", {
              page: formatNumber(locale, timeline.page),
              count: formatNumber(locale, timeline.pageCount),
            })}
          </span>
          {timeline.page < timeline.pageCount ? (
            <Link href={pageHref(slug, timeline.order, timeline.page + 1)} rel="next" className="underline">
              {t("next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </section>
  );
}
