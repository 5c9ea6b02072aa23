import { geoCentroid, geoPath } from "d3-geo";
import type { NegotiationPlace, PlaceRole } from "@/lib/data/reader/places";
import { boundsAround, boundsShape, fittedProjection, insidePicture, type Bounds } from "@/lib/geo/locator-fit";
import { worldCountries } from "@/lib/geo/world";

/** Every visible string of this component, in one place for translation. */
const STRINGS = {
  heading: "Where it happens",
  mapTitle: "Locator map of the negotiation's places",
  mapDescription: (plotted: string) => (plotted ? `Marked: ${plotted}.` : "No place has recorded coordinates yet."),
  mapCountries: (names: string) => `Shaded: ${names}.`,
  caption:
    "Dots mark places with recorded coordinates; shaded countries hold the negotiation's places. Outlines: Natural Earth.",
  tableCaption: "The negotiation's places",
  place: "Place",
  country: "Country",
  role: "What happened there",
  coordinates: "Coordinates",
  notPlotted: "Not recorded: listed, not on the map",
  unnamed: "Place not named",
  roles: { venue: "Talks venue", handover: "Handover point", event: "Events" } satisfies Record<PlaceRole, string>,
};

const WIDTH = 640;
const HEIGHT = 400;
const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
const countryName = (code: string | null) => (code ? (regionNames.of(code) ?? code) : "—");
const degrees = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 4 });
const coordinates = (lat: number, lon: number) =>
  `${degrees.format(Math.abs(lat))}° ${lat >= 0 ? "N" : "S"}, ${degrees.format(Math.abs(lon))}° ${lon >= 0 ? "E" : "W"}`;

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
  if (places.length === 0) return null;
  const plotted = places.filter(hasCoordinates);
  const involvedCodes = new Set(places.map((p) => p.country).filter((c): c is string => c !== null));
  const countries = worldCountries();
  const involved = countries
    .filter((c) => c.alpha2 !== null && involvedCodes.has(c.alpha2))
    .sort((a, b) => countryName(a.alpha2).localeCompare(countryName(b.alpha2), "en"));

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
    const marked = plotted.map((p) => `${p.name || STRINGS.unnamed} (${countryName(p.country)})`).join("; ");
    map = (
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full max-w-3xl"
        role="img"
        aria-labelledby="locator-map-title"
        aria-describedby="locator-map-desc"
        data-testid="locator-map"
      >
        <title id="locator-map-title">{STRINGS.mapTitle}</title>
        <desc id="locator-map-desc">
          {STRINGS.mapDescription(marked)}{" "}
          {involved.length > 0 ? STRINGS.mapCountries(involved.map((c) => countryName(c.alpha2)).join(", ")) : null}
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
          // Labels go right of the dot, or left of it near the right edge.
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
                paintOrder="stroke"
                strokeWidth={3}
                className="fill-stone-900 stroke-white text-[14px] font-semibold dark:fill-stone-50 dark:stroke-stone-900"
              >
                {place.name || STRINGS.unnamed}
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
        {STRINGS.heading}
      </h2>
      {map ? (
        <figure className="mt-3">
          {map}
          <figcaption className="text-sm text-stone-700 dark:text-stone-300">{STRINGS.caption}</figcaption>
        </figure>
      ) : null}
      <table className="mt-2 text-sm" data-testid="locator-table">
        <caption className="sr-only">{STRINGS.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col" className="pe-4 text-start">
              {STRINGS.place}
            </th>
            <th scope="col" className="pe-4 text-start">
              {STRINGS.country}
            </th>
            <th scope="col" className="pe-4 text-start">
              {STRINGS.role}
            </th>
            <th scope="col" className="pe-4 text-start">
              {STRINGS.coordinates}
            </th>
          </tr>
        </thead>
        <tbody>
          {places.map((place) => (
            <tr key={`${place.name}|${place.country}|${place.latitude}|${place.longitude}`}>
              <th scope="row" className="pe-4 text-start font-medium" dir="auto">
                {place.name || STRINGS.unnamed}
              </th>
              <td className="pe-4">{countryName(place.country)}</td>
              <td className="pe-4">{place.roles.map((role) => STRINGS.roles[role]).join(", ")}</td>
              <td className="pe-4 tabular-nums">
                {hasCoordinates(place) ? coordinates(place.latitude, place.longitude) : STRINGS.notPlotted}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
