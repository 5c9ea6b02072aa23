// Fitting a locator map to its places: pure functions (no data files), unit-tested.
import { geoMercator, type GeoPermissibleObjects, type GeoProjection } from "d3-geo";

export type LonLat = [longitude: number, latitude: number];
export type Bounds = { west: number; south: number; east: number; north: number };

/** Mercator stretches towards the poles without limit; a locator map never needs more. */
const MAX_LATITUDE = 80;

/**
 * The area to show around some places: their bounding box grown by `margin` of its span on each
 * side, and at least `minSpan` degrees wide and high, so a single place (or two close ones) still
 * shows its surroundings and neighbouring countries. Null without places.
 */
export function boundsAround(points: LonLat[], { margin = 0.3, minSpan = 4 } = {}): Bounds | null {
  if (points.length === 0) return null;
  const longitudes = points.map(([lon]) => lon);
  const latitudes = points.map(([, lat]) => lat);
  const grow = (min: number, max: number, limit: number) => {
    const span = Math.max(max - min, minSpan);
    const centre = (min + max) / 2;
    const half = span / 2 + span * margin;
    return [Math.max(centre - half, -limit), Math.min(centre + half, limit)] as const;
  };
  const [west, east] = grow(Math.min(...longitudes), Math.max(...longitudes), 180);
  const [south, north] = grow(Math.min(...latitudes), Math.max(...latitudes), MAX_LATITUDE);
  return { west, south, east, north };
}

/** The corners of an area as a shape d3 can fit (a multipoint: no winding-order pitfalls). */
export function boundsShape(bounds: Bounds): GeoPermissibleObjects {
  const { west, south, east, north } = bounds;
  return {
    type: "MultiPoint",
    coordinates: [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [(west + east) / 2, south],
      [(west + east) / 2, north],
    ],
  };
}

/**
 * A Mercator projection that puts `shape` inside a width × height picture with `padding` pixels
 * to spare, clipped to the picture so outlines beyond it are cut rather than drawn off-canvas.
 */
export function fittedProjection(
  shape: GeoPermissibleObjects,
  width: number,
  height: number,
  padding = 8,
): GeoProjection {
  return geoMercator()
    .fitExtent(
      [
        [padding, padding],
        [width - padding, height - padding],
      ],
      shape,
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
}

/** Whether a projected point falls inside the picture (labels of places outside are not drawn). */
export function insidePicture(
  point: [number, number] | null,
  width: number,
  height: number,
): point is [number, number] {
  return point !== null && point[0] >= 0 && point[0] <= width && point[1] >= 0 && point[1] <= height;
}
