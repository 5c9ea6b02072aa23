// Which language a read-API answer is in, and how caches must treat it (docs/translations.md).
import { contentLocales, type ContentLocale, type LocalizedText } from "@/lib/translations/fields";

export type ApiLanguage = {
  locale: ContentLocale;
  /**
   * True when the answer depends on the Accept-Language header (no `?lang=` in the URL): it
   * must then say `Vary: Accept-Language`, or a shared cache would hand one reader's language
   * to the next. A `?lang=` URL names its language itself and never varies, so it caches as one.
   */
  negotiated: boolean;
};

const supported = new Set<string>(contentLocales);

/**
 * The language of Accept-Language's highest-weighted tag Parley has ("ar-SY" counts as ar),
 * English when none; `q=0` means "not this one". Ties keep the header's order.
 */
export function negotiateLanguage(header: string | null): ContentLocale {
  if (!header) return "en";
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find(Boolean);
      return { primary: tag.trim().toLowerCase().split("-")[0]!, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0 && supported.has(entry.primary))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked[0]?.primary as ContentLocale | undefined) ?? "en";
}

/** `?lang=` (already validated by the route's query schema) wins; otherwise the Accept-Language header. */
export function apiLanguage(request: Request, lang: ContentLocale | undefined): ApiLanguage {
  if (lang) return { locale: lang, negotiated: false };
  return { locale: negotiateLanguage(request.headers.get("accept-language")), negotiated: true };
}

type Localized = Record<string, LocalizedText>;

function isLocalizedText(value: unknown): value is LocalizedText {
  return !!value && typeof value === "object" && "text" in value && "lang" in value;
}

/**
 * The API's shape of a reader view: every object's `localized` texts replace the English fields
 * of the same name, and a `languages` object says which language each of them is in, so a client
 * can mark English fallbacks (`lang="en"`) in an Arabic page.
 */
export function inLanguage<T>(value: T): T {
  if (Array.isArray(value)) return value.map(inLanguage) as T;
  if (!value || typeof value !== "object") return value;
  const { localized, ...rest } = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(rest)) out[key] = inLanguage(inner);
  if (localized && typeof localized === "object") {
    const languages: Record<string, string> = {};
    for (const [field, text] of Object.entries(localized as Localized))
      if (isLocalizedText(text)) {
        out[field] = text.text;
        languages[field] = text.lang;
      }
    out.languages = languages;
  }
  return out as T;
}
