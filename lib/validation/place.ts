// Where something happened: a name as reported, its country and, when known, coordinates.
// Shared by transfers and developments (talks venues, handover points) in forms, actions and seeds.
import countries from "i18n-iso-countries";
import { z } from "zod";
import { optionalText } from "./common";

/** ISO 3166-1 alpha-2, upper-cased ("sy" → "SY"); an empty field means unknown. */
export const countryCodeSchema = z
  .union([
    z.literal("").transform(() => undefined),
    z
      .string()
      .trim()
      .toUpperCase()
      .refine((code) => /^[A-Z]{2}$/.test(code) && countries.isValid(code), "Choose a country from the list."),
  ])
  .optional();

/** A coordinate in degrees as typed ("32.71") or sent (32.71); an empty field means unknown. */
const degrees = (limit: number, axis: string) =>
  z
    .union([
      z.literal("").transform(() => undefined),
      z
        .union([
          z.number(),
          z
            .string()
            .trim()
            .regex(/^-?\d{1,3}(\.\d+)?$/, `Enter the ${axis} in decimal degrees.`),
        ])
        .transform(Number)
        .pipe(
          z
            .number()
            .min(-limit, `The ${axis} lies between −${limit} and ${limit}.`)
            .max(limit, `The ${axis} lies between −${limit} and ${limit}.`),
        ),
    ])
    .optional();

export const placeFields = {
  place: optionalText(200),
  placeCountry: countryCodeSchema,
  placeLatitude: degrees(90, "latitude"),
  placeLongitude: degrees(180, "longitude"),
};

type PlaceValues = { placeLatitude?: number; placeLongitude?: number };

/** Coordinates come as a pair: a lone latitude or longitude plots nowhere. */
export function refineCoordinatePair(value: PlaceValues, ctx: z.RefinementCtx, path: Array<string | number> = []) {
  const hasLatitude = value.placeLatitude !== undefined;
  const hasLongitude = value.placeLongitude !== undefined;
  if (hasLatitude === hasLongitude) return;
  ctx.addIssue({
    code: "custom",
    path: [...path, hasLatitude ? "placeLongitude" : "placeLatitude"],
    message: "Give both latitude and longitude, or neither.",
  });
}
