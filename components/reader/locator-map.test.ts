import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import type { NegotiationPlace } from "@/lib/data/reader/places";
import { LocatorMap } from "./locator-map";

const render = (places: NegotiationPlace[], locale: "en" | "ar" = "en") =>
  renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      // createElement's types want children among the props; they are passed as the third argument.
      { locale, messages: locale === "ar" ? ar : en, timeZone: "UTC" } as unknown as ComponentProps<
        typeof NextIntlClientProvider
      >,
      createElement(LocatorMap, { places }),
    ),
  );

const sweida: NegotiationPlace = {
  name: "Sweida",
  country: "SY",
  latitude: 32.7089,
  longitude: 36.5695,
  roles: ["event"],
};

describe("LocatorMap", () => {
  it("draws plotted places and their countries as SVG, with the same places in a table", () => {
    const html = render([
      sweida,
      { name: "Damascus", country: "SY", latitude: 33.5138, longitude: 36.2765, roles: ["venue"] },
      { name: "Border crossing", country: "JO", latitude: null, longitude: null, roles: ["handover"] },
    ]);
    expect(html).toContain('role="img"');
    expect(html.match(/data-testid="locator-map-place"/g)).toHaveLength(2);
    expect(html).toContain('data-country="SY"');
    expect(html).toContain('data-country="LB"'); // a neighbour inside the frame, drawn unshaded
    expect(html).toContain("Marked: Sweida (Syria); Damascus (Syria).");
    expect(html).toContain("Shaded: Jordan, Syria.");
    expect(html).toContain("32.7089° N, 36.5695° E");
    expect(html).toContain("Not recorded: listed, not on the map");
    expect(html).toContain("Talks venue");
    expect(html).not.toContain("<script");
  });

  it("frames the countries involved when no place has coordinates", () => {
    const html = render([
      { name: "Belarus–Ukraine border", country: "UA", latitude: null, longitude: null, roles: ["handover"] },
    ]);
    expect(html).toContain('data-country="UA"');
    expect(html).not.toContain('data-testid="locator-map-place"');
    expect(html).toContain("No place has recorded coordinates yet.");
  });

  it("lists places without a country or coordinates, and draws no map for them", () => {
    const html = render([
      { name: "A checkpoint", country: null, latitude: null, longitude: null, roles: ["handover"] },
    ]);
    expect(html).not.toContain("<svg");
    expect(html).toContain("A checkpoint");
  });

  it("speaks Arabic on Arabic pages: Intl's country names, hemispheres in words, place names marked English", () => {
    const html = render(
      [sweida, { name: "Border crossing", country: "JO", latitude: null, longitude: null, roles: ["handover"] }],
      "ar",
    );
    expect(html).toContain("أين تجري الأحداث");
    expect(html).toContain("سوريا");
    expect(html).toContain("32.7089° شمالًا، 36.5695° شرقًا");
    expect(html).toContain("نقطة التسليم");
    expect(html).toContain("غير مسجلة");
    expect(html).toMatch(/<th scope="row"[^>]*lang="en"[^>]*>Sweida<\/th>/);
    expect(html).not.toMatch(/Where it happens|Country|Coordinates/);
  });

  it("renders nothing without places", () => {
    expect(render([])).toBe("");
  });
});
