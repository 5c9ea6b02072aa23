// Country choices for editors' place fields: ISO 3166-1 alpha-2 codes with English names from
// i18n-iso-countries' own data (not Intl.DisplayNames), so server and browser render the same list.
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";

countries.registerLocale(en);

export type CountryOption = { code: string; name: string };

let cached: CountryOption[] | null = null;

export function countryOptions(): CountryOption[] {
  cached ??= Object.keys(countries.getAlpha2Codes())
    .map((code) => ({ code, name: countries.getName(code, "en") ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, "en"));
  return cached;
}
