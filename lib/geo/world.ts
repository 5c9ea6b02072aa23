import "server-only";
import { geoBounds } from "d3-geo";
import countries from "i18n-iso-countries";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlas from "world-atlas/countries-50m.json";
import type { Bounds } from "./locator-fit";

/**
 * Country outlines from Natural Earth 1:50m (the world-atlas package): bundled with the app,
 * so the locator map needs no tile server and no network. Decoded once per process, with each country's extent.
 */
export type CountryFeature = Feature<Geometry, { name: string }> & {
  alpha2: string | null;
  /** Its extent in degrees; one that crosses the antimeridian counts as spanning every longitude. */
  extent: Bounds;
};

function extentOf(country: Feature): Bounds {
  const [[west, south], [east, north]] = geoBounds(country);
  return west <= east ? { west, south, east, north } : { west: -180, south, east: 180, north };
}

let decoded: CountryFeature[] | null = null;

export function worldCountries(): CountryFeature[] {
  if (decoded) return decoded;
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  decoded = collection.features.map((f) => ({
    ...f,
    // Natural Earth ids are ISO 3166-1 numeric codes ("760"); places store alpha-2 ("SY").
    alpha2: f.id === undefined ? null : (countries.numericToAlpha2(String(f.id)) ?? null),
    extent: extentOf(f),
  }));
  return decoded;
}
