import { useLocale, useTranslations } from "next-intl";
import { directionOf, isLocale } from "@/i18n/routing";
import { formatNumber, intlLocale } from "@/lib/i18n-format";
import type { SideView } from "@/lib/data/reader/types";
import { actorName } from "@/lib/format/actor-name";
import { formatPartialDate } from "@/lib/dates";
import type { DatePrecision } from "@/lib/generated/prisma/enums";

const WIDTH = 720;
const HEIGHT = 260;
/** Room for the value axis on the side time starts from, and for the side labels where it ends. */
const MARGIN = { top: 16, end: 210, bottom: 36, start: 52 };
const DAY = 86_400_000;

/** Two tones that differ in lightness as well as hue, and a dash pattern, so the lines part without colour. */
const LINE_STYLES = [
  { stroke: "stroke-teal-700 dark:stroke-teal-300", fill: "fill-teal-800 dark:fill-teal-200", dash: undefined },
  { stroke: "stroke-amber-700 dark:stroke-amber-300", fill: "fill-amber-800 dark:fill-amber-200", dash: "8 4" },
  { stroke: "stroke-violet-700 dark:stroke-violet-300", fill: "fill-violet-800 dark:fill-violet-200", dash: "2 3" },
] as const;

/** The side's label (English), or on Arabic pages its actor's Arabic name where one is recorded. */
function sideNameIn(locale: string, side: SideView): { text: string; lang: string } {
  const arabic = locale === "ar" ? actorName(side.actor, locale) : null;
  if (arabic?.lang === "ar") return arabic;
  return { text: side.label ?? side.actor.shortName ?? side.actor.name, lang: "en" };
}

type Row = { date: string; precision: DatePrecision; values: number[] };

/** One row per date on which any side released someone, each side's running total carried forward. */
export function chartRows(sides: SideView[]): Row[] {
  const dates = new Map<string, DatePrecision>();
  for (const side of sides) for (const point of side.series) dates.set(point.date, point.precision);
  return [...dates.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, precision]) => ({
      date,
      precision,
      values: sides.map((side) => side.series.filter((p) => p.date <= date).at(-1)?.cumulative ?? 0),
    }));
}

/**
 * Cumulative releases per side over time, drawn on the server as SVG (no client script),
 * with each side's agreed total as a dotted line and the same figures as a table.
 */
export function ReleaseChart({ sides }: { sides: SideView[] }) {
  const t = useTranslations("reader");
  const chart = useTranslations("pageChart");
  const pageLocale = useLocale();
  const locale = isLocale(pageLocale) ? pageLocale : "en";
  // Time runs the way the page reads: left to right in English, right to left in Arabic.
  const rtl = directionOf(locale) === "rtl";
  const sideName = (side: SideView) => sideNameIn(locale, side).text;
  const sideLang = (side: SideView) => (sideNameIn(locale, side).lang === locale ? undefined : "en");
  const num = (value: number) => formatNumber(locale, Math.round(value));
  const date = (row: Row) => formatPartialDate(new Date(row.date), row.precision, intlLocale(locale));
  const rows = chartRows(sides);
  if (rows.length === 0) return null;
  const first = Date.parse(rows[0]!.date);
  const last = Math.max(Date.parse(rows.at(-1)!.date), first + DAY);
  const top = Math.max(1, ...sides.map((s) => s.target ?? 0), ...rows.flatMap((r) => r.values));
  const plotWidth = WIDTH - MARGIN.start - MARGIN.end;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const plotLeft = rtl ? MARGIN.end : MARGIN.start;
  const plotRight = plotLeft + plotWidth;
  const xStart = rtl ? plotRight : plotLeft;
  const xEnd = rtl ? plotLeft : plotRight;
  /** Toward the end of time: +1 rightward in English, −1 leftward in Arabic. */
  const forward = rtl ? -1 : 1;
  const x = (iso: string) => xStart + forward * ((Date.parse(iso) - first) / (last - first)) * plotWidth;
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  // SVG text anchors are relative to the text's direction (set to the page's below): "start"
  // is the right edge of right-to-left text.
  const anchor = (edge: "left" | "right") => ((edge === "left") !== rtl ? "start" : "end");
  const shown = sides.slice(0, LINE_STYLES.length);
  const summary = shown
    .map((side, i) => chart("sideSummary", { side: sideName(side), count: num(rows.at(-1)!.values[i]!) }))
    .join(locale === "ar" ? "؛ " : "; ");

  return (
    <section aria-labelledby="chart-heading">
      <h2 id="chart-heading" className="font-serif text-xl font-semibold">
        {t("chartHeading")}
      </h2>
      <figure className="mt-3">
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className="h-auto w-full max-w-3xl text-stone-700 dark:text-stone-300"
          role="img"
          aria-labelledby="chart-title"
          aria-describedby="chart-desc"
          data-testid="release-chart"
          direction={rtl ? "rtl" : "ltr"}
        >
          <title id="chart-title">{t("chartTitle")}</title>
          <desc id="chart-desc">{chart("description", { from: date(rows[0]!), to: date(rows.at(-1)!), summary })}</desc>
          {[0, top / 2, top].map((tick) => (
            <g key={tick}>
              <line
                x1={plotLeft}
                x2={plotRight}
                y1={y(tick)}
                y2={y(tick)}
                className="stroke-stone-300 dark:stroke-stone-700"
              />
              <text
                x={xStart - forward * 6}
                y={y(tick) + 4}
                textAnchor={anchor(rtl ? "left" : "right")}
                className="fill-current text-[12px]"
              >
                {num(tick)}
              </text>
            </g>
          ))}
          {[rows[0]!, rows.at(-1)!].map((row, i) => (
            <text
              key={`${row.date}-${i}`}
              x={x(row.date)}
              y={HEIGHT - 12}
              textAnchor={anchor((i === 0) !== rtl ? "left" : "right")}
              className="fill-current text-[12px]"
              data-testid={i === 0 ? "chart-first-date" : "chart-last-date"}
            >
              {date(row)}
            </text>
          ))}
          {shown.map((side, i) => {
            const style = LINE_STYLES[i]!;
            let path = `M${xStart},${y(0)}`;
            for (const row of rows) path += ` H${x(row.date).toFixed(1)} V${y(row.values[i]!).toFixed(1)}`;
            path += ` H${xEnd}`;
            const end = rows.at(-1)!.values[i]!;
            return (
              <g key={side.actor.slug}>
                {side.target !== null ? (
                  <line
                    x1={plotLeft}
                    x2={plotRight}
                    y1={y(side.target)}
                    y2={y(side.target)}
                    strokeDasharray="2 4"
                    className={style.stroke}
                  />
                ) : null}
                <path d={path} fill="none" strokeWidth={3} strokeDasharray={style.dash} className={style.stroke} />
                <text
                  x={xEnd + forward * 8}
                  y={y(end) + 4 + i * 14}
                  textAnchor={anchor(rtl ? "right" : "left")}
                  lang={sideLang(side)}
                  className={`${style.fill} text-[12px] font-semibold`}
                >
                  {side.target !== null
                    ? chart("sideLabelOf", {
                        side: sideName(side).slice(0, 22),
                        count: num(end),
                        target: num(side.target),
                      })
                    : chart("sideLabel", { side: sideName(side).slice(0, 22), count: num(end) })}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption className="text-sm text-stone-700 dark:text-stone-300">{t("chartCaption")}</figcaption>
      </figure>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm text-blue-800 underline dark:text-blue-300">
          {t("chartTable")}
        </summary>
        <table className="mt-2 text-sm" data-testid="release-table">
          <caption className="sr-only">{t("chartTableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="pe-4 text-start">
                {t("date")}
              </th>
              {shown.map((side) => (
                <th key={side.actor.slug} scope="col" className="pe-4 text-end" dir="auto" lang={sideLang(side)}>
                  {sideName(side)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.date}>
                <th scope="row" className="pe-4 text-start font-normal">
                  {date(row)}
                </th>
                {row.values.slice(0, shown.length).map((value, i) => (
                  <td key={i} className="pe-4 text-end tabular-nums">
                    {num(value)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
