"use client";

import { countryOptions } from "@/lib/format/country-options";
import type { PlaceRow } from "./form-values";
import { Labelled, SelectField, describe, inputClass } from "./form-bits";

/**
 * A place as the locator map needs it: the name as reported, its country and, when known,
 * coordinates in decimal degrees. Without coordinates the place is listed, not plotted.
 */
export function PlaceFields({
  idPrefix,
  label,
  value,
  onChange,
  error,
}: {
  idPrefix: string;
  label: string;
  value: PlaceRow;
  onChange: (patch: Partial<PlaceRow>) => void;
  /** Error messages by field name (place, placeCountry, placeLatitude, placeLongitude). */
  error: (field: keyof PlaceRow) => string[] | undefined;
}) {
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <fieldset className="grid gap-3 sm:col-span-3 sm:grid-cols-4">
      <legend className="text-sm font-medium">{label}</legend>
      <Labelled id={id("place")} label="Place" errors={error("place")}>
        <input
          {...describe(id("place"), error("place"))}
          className={inputClass}
          dir="auto"
          value={value.place}
          maxLength={200}
          onChange={(e) => onChange({ place: e.target.value })}
        />
      </Labelled>
      <SelectField
        id={id("country")}
        label="Country"
        errors={error("placeCountry")}
        value={value.placeCountry}
        onChange={(placeCountry) => onChange({ placeCountry })}
        options={countryOptions().map((c) => ({ value: c.code, label: c.name }))}
        placeholder="Unknown"
      />
      <Labelled id={id("latitude")} label="Latitude" hint="−90 to 90, e.g. 32.71" errors={error("placeLatitude")}>
        <input
          {...describe(id("latitude"), error("placeLatitude"), true)}
          className={inputClass}
          inputMode="decimal"
          value={value.placeLatitude}
          onChange={(e) => onChange({ placeLatitude: e.target.value })}
        />
      </Labelled>
      <Labelled id={id("longitude")} label="Longitude" hint="−180 to 180, e.g. 36.57" errors={error("placeLongitude")}>
        <input
          {...describe(id("longitude"), error("placeLongitude"), true)}
          className={inputClass}
          inputMode="decimal"
          value={value.placeLongitude}
          onChange={(e) => onChange({ placeLongitude: e.target.value })}
        />
      </Labelled>
    </fieldset>
  );
}
