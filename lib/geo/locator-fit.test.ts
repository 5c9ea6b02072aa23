import { describe, expect, it } from "vitest";
import { boundsAround, boundsShape, fittedProjection, insidePicture, type LonLat } from "./locator-fit";

const SWEIDA: LonLat = [36.5695, 32.7089];
const DAMASCUS: LonLat = [36.2765, 33.5138];
const ISTANBUL: LonLat = [28.9784, 41.0082];

describe("boundsAround", () => {
  it("is null without places", () => {
    expect(boundsAround([])).toBeNull();
  });

  it("gives a single place at least the minimum span, centred on it", () => {
    const bounds = boundsAround([SWEIDA], { margin: 0.25, minSpan: 4 })!;
    expect(bounds.east - bounds.west).toBeCloseTo(4 * 1.5);
    expect(bounds.north - bounds.south).toBeCloseTo(4 * 1.5);
    expect((bounds.west + bounds.east) / 2).toBeCloseTo(SWEIDA[0]);
    expect((bounds.south + bounds.north) / 2).toBeCloseTo(SWEIDA[1]);
  });

  it("grows a wide spread by the margin on every side", () => {
    const bounds = boundsAround([SWEIDA, ISTANBUL], { margin: 0.1, minSpan: 1 })!;
    const lonSpan = SWEIDA[0] - ISTANBUL[0];
    expect(bounds.west).toBeCloseTo(ISTANBUL[0] - lonSpan * 0.1);
    expect(bounds.east).toBeCloseTo(SWEIDA[0] + lonSpan * 0.1);
  });

  it("stays within the world and away from Mercator's poles", () => {
    const bounds = boundsAround([[179.5, 79.9]], { margin: 0.5, minSpan: 10 })!;
    expect(bounds.east).toBe(180);
    expect(bounds.north).toBe(80);
  });
});

describe("fittedProjection", () => {
  it("puts every place inside the picture, away from its edges", () => {
    const width = 640;
    const height = 400;
    const projection = fittedProjection(boundsShape(boundsAround([SWEIDA, DAMASCUS])!), width, height, 8);
    for (const place of [SWEIDA, DAMASCUS]) {
      const point = projection(place);
      expect(insidePicture(point, width, height)).toBe(true);
      expect(point![0]).toBeGreaterThan(width * 0.2);
      expect(point![0]).toBeLessThan(width * 0.8);
      expect(point![1]).toBeGreaterThan(height * 0.2);
      expect(point![1]).toBeLessThan(height * 0.8);
    }
    // North is up: Damascus lies north of Sweida.
    expect(projection(DAMASCUS)![1]).toBeLessThan(projection(SWEIDA)![1]);
  });

  it("leaves a faraway place outside the picture", () => {
    const projection = fittedProjection(boundsShape(boundsAround([SWEIDA])!), 640, 400);
    expect(insidePicture(projection(ISTANBUL), 640, 400)).toBe(false);
  });
});
