import { geoCentroid, geoPath } from "d3-geo";
import { useLocale, useTranslations } from "next-intl";
import { isLocale, type Locale } from "@/i18n/routing";
import { intlLocale } from "@/lib/i18n-format";
import type { NegotiationPlace } from "@/lib/data/reader/places";
import { boundsAround, boundsShape, fittedProjection, insidePicture, type Bounds } from "@/lib/geo/locator-fit";
import { worldCountries } from "@/lib/geo/world";

const WIDTH = 640;
const HEIGHT = 400;
type MapTranslator = ReturnType<typeof useTranslations<"pageMap">>;

/** Country names, coordinates and lists in the page's language (Intl's own country names). */
function placeWords(locale: Locale, t: MapTranslator) {
  const tag = intlLocale(locale);
  const regionNames = new Intl.DisplayNames([tag], { type: "region" });
  const degrees = new Intl.NumberFormat(tag, { maximumFractionDigits: 4 });
  return {
    countryName: (code: string | null) => (code ? (regionNames.of(code) ?? code) : "—"),
    coordinates: (lat: number, lon: number) =>
      `${t("latitude", { degrees: degrees.format(Math.abs(lat)), hemisphere: lat >= 0 ? "north" : "south" })}${
        locale === "ar" ? "، " : ", "
      }${t("longitude", { degrees: degrees.format(Math.abs(lon)), hemisphere: lon >= 0 ? "east" : "west" })}`,
    list: (items: string[]) => items.join(locale === "ar" ? "، " : ", "),
  };
}

type Plotted = NegotiationPlace & { latitude: number; longitude: number };
const hasCoordinates = (p: NegotiationPlace): p is Plotted => p.latitude !== null && p.longitude !== null;

const overlaps = (a: Bounds, b: Bounds) =>
  a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north;

/**
 * The negotiation's places on a small map drawn on the server as SVG: country outlines from a
 * bundled dataset (no tiles, no network, no client script), fitted to the places with coordinates
 * (or, when none has any, to their countries), with the same places listed in a table.
 */
export function LocatorMap({ places }: { places: NegotiationPlace[] }) {
  const t = useTranslations("pageMap");
  const pageLocale = useLocale();
  const locale = isLocale(pageLocale) ? pageLocale : "en";
  // Place names are reported in English (not yet translatable): marked so on other pages.
  const placeLang = locale === "en" ? undefined : "en";
  const { countryName, coordinates, list } = placeWords(locale, t);
  if (places.length === 0) return null;
  const plotted = places.filter(hasCoordinates);
  const involvedCodes = new Set(places.map((p) => p.country).filter((c): c is string => c !== null));
  const countries = worldCountries();
  const involved = countries
    .filter((c) => c.alpha2 !== null && involvedCodes.has(c.alpha2))
    .sort((a, b) => countryName(a.alpha2).localeCompare(countryName(b.alpha2), locale));

  // Places first; without coordinates, the countries they lie in frame the map instead.
  const bounds =
    boundsAround(plotted.map((p) => [p.longitude, p.latitude])) ??
    boundsAround(
      involved.flatMap((c) => {
        const { west, south, east, north } = c.extent;
        return [
          [west, south],
          [east, north],
        ] as Array<[number, number]>;
      }),
      { margin: 0.1, minSpan: 4 },
    );

  let map: React.ReactNode = null;
  if (bounds) {
    const projection = fittedProjection(boundsShape(bounds), WIDTH, HEIGHT);
    const path = geoPath(projection).digits(1);
    const visible = countries.filter((c) => overlaps(c.extent, bounds));
    const countryLabels = involved
      .map((c) => ({ code: c.alpha2!, point: projection(geoCentroid(c)) }))
      .filter((l): l is { code: string; point: [number, number] } => insidePicture(l.point, WIDTH, HEIGHT));
    const marked = plotted
      .map((p) => t("placeIn", { place: p.name || t("unnamed"), country: countryName(p.country) }))
      .join(locale === "ar" ? "؛ " : "; ");
    map = (
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full max-w-3xl"
        role="img"
        aria-labelledby="locator-map-title"
        aria-describedby="locator-map-desc"
        data-testid="locator-map"
        direction="ltr"
      >
        <title id="locator-map-title">{t("mapTitle")}</title>
        <desc id="locator-map-desc">
          {marked ? t("marked", { places: marked }) : t("noneMarked")}{" "}
          {involved.length > 0 ? t("shaded", { countries: list(involved.map((c) => countryName(c.alpha2))) }) : null}
        </desc>
        <rect width={WIDTH} height={HEIGHT} className="fill-sky-50 dark:fill-slate-900" />
        {visible.map((country, index) => {
          const d = path(country);
          if (!d) return null;
          const isInvolved = country.alpha2 !== null && involvedCodes.has(country.alpha2);
          return (
            <path
              key={country.id === undefined ? `unnamed-${index}` : String(country.id)}
              d={d}
              data-country={country.alpha2 ?? undefined}
              className={
                isInvolved
                  ? "fill-amber-100 stroke-stone-500 dark:fill-stone-600 dark:stroke-stone-300"
                  : "fill-stone-100 stroke-stone-400 dark:fill-stone-800 dark:stroke-stone-600"
              }
              strokeWidth={0.75}
            />
          );
        })}
        {countryLabels.map(({ code, point }) => (
          <text
            key={code}
            x={point[0]}
            y={point[1]}
            textAnchor="middle"
            className="fill-stone-700 text-[13px] tracking-wide uppercase dark:fill-stone-200"
          >
            {countryName(code)}
          </text>
        ))}
        {plotted.map((place) => {
          const point = projection([place.longitude, place.latitude]);
          if (!insidePicture(point, WIDTH, HEIGHT)) return null;
          const [x, y] = point;
          // Labels go right of the dot, or left of it near the right edge (physical sides: the
          // svg's text runs left to right, whatever the page, so anchors mean what they say).
          const right = x < WIDTH - 140;
          return (
            <g key={`${place.name}-${place.latitude}-${place.longitude}`} data-testid="locator-map-place">
              <circle
                cx={x}
                cy={y}
                r={5}
                className="fill-red-700 stroke-white dark:fill-red-400 dark:stroke-stone-900"
                strokeWidth={1.5}
              />
              <text
                x={right ? x + 9 : x - 9}
                y={y + 4}
                textAnchor={right ? "start" : "end"}
                lang={place.name ? placeLang : undefined}
                paintOrder="stroke"
                strokeWidth={3}
                className="fill-stone-900 stroke-white text-[14px] font-semibold dark:fill-stone-50 dark:stroke-stone-900"
              >
                {place.name || t("unnamed")}
              </text>
            </g>
          );
        })}
      </svg>
    );
  }

  return (
    <section aria-labelledby="locator-heading" data-testid="locator">
      <h2 id="locator-heading" className="font-serif text-xl font-semibold">
        {t("heading")}
      </h2>
      {map ? (
        <figure className="mt-3">
          {map}
          <figcaption className="text-sm text-stone-700 dark:text-stone-300">{t("caption")}</figcaption>
        </figure>
      ) : null}
      <table className="mt-2 text-sm" data-testid="locator-table">
        <caption className="sr-only">{t("tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="pe-4 text-start">
              {t("place")}
            </th>
            <th scope="col" className="pe-4 text-start">
              {t("country")}
            </th>
            <th scope="col" className="pe-4 text-start">
              {t("role")}
            </th>
            <th scope="col" className="pe-4 text-start">
              {t("coordinates")}
            </th>
          </tr>
        </thead>
        <tbody>
          {places.map((place) => (
            <tr key={`${place.name}|${place.country}|${place.latitude}|${place.longitude}`}>
              <th
                scope="row"
                className="pe-4 text-start font-medium"
                dir="auto"
                lang={place.name ? placeLang : undefined}
              >
                {place.name || t("unnamed")}
              </th>
              <td className="pe-4">{countryName(place.country)}</td>
              <td className="pe-4">{list(place.roles.map((role) => t("roleName", { role })))}</td>
              <td className="pe-4 tabular-nums">
                {hasCoordinates(place) ? coordinates(place.latitude, place.longitude) : t("notPlotted")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
