import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import ar from "./ar.json";
import en from "./en.json";

type Tree = { [key: string]: string | Tree };

/** "home.filter.all" → message, for every leaf. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The argument names a message uses ({name}, {count, plural, …}), from its parsed form. */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (elements: unknown[]) => {
    for (const element of elements as Array<Record<string, unknown>>) {
      if (typeof element.value === "string" && element.type !== 0) names.add(element.value);
      const options = element.options as Record<string, { value: unknown[] }> | undefined;
      if (options) for (const option of Object.values(options)) walk(option.value);
      if (Array.isArray(element.children)) walk(element.children);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst());
  return [...names].sort();
}

const catalogs = { en: flatten(en as Tree), ar: flatten(ar as Tree) };

describe("message catalogs", () => {
  it("have the same keys in English and Arabic", () => {
    const enKeys = [...catalogs.en.keys()].sort();
    const arKeys = [...catalogs.ar.keys()].sort();
    expect(
      enKeys.filter((key) => !catalogs.ar.has(key)),
      "missing from ar.json",
    ).toEqual([]);
    expect(
      arKeys.filter((key) => !catalogs.en.has(key)),
      "missing from en.json",
    ).toEqual([]);
  });

  it("are valid ICU messages that use the same arguments in both languages", () => {
    for (const [key, message] of catalogs.en) {
      const translated = catalogs.ar.get(key);
      if (translated === undefined) continue;
      expect(() => new IntlMessageFormat(message, "en"), `en ${key}`).not.toThrow();
      expect(() => new IntlMessageFormat(translated, "ar"), `ar ${key}`).not.toThrow();
      // The selector of a plural may go unprinted (Arabic "one"/"two" say the number in words).
      expect(argumentsOf(translated, "ar"), `arguments of ${key}`).toEqual(argumentsOf(message, "en"));
    }
  });

  it("give Arabic plurals every form Arabic has", () => {
    const forms = ["zero", "one", "two", "few", "many", "other"];
    for (const [key, message] of catalogs.ar) {
      if (!/,\s*plural\s*,/.test(message)) continue;
      for (const form of forms) expect(message, `${key} lacks "${form}"`).toMatch(new RegExp(`\\b${form}\\s*\\{`));
    }
  });

  it("format an Arabic plural by Arabic rules", () => {
    const message = catalogs.ar.get("counts.released")!;
    const format = (count: number) => new IntlMessageFormat(message, "ar").format({ count }) as string;
    expect(format(0)).toBe("لم يُطلق سراح أحد");
    expect(format(2)).toBe("أُطلق سراح شخصين");
    expect(format(3)).toBe("أُطلق سراح 3 أشخاص");
    expect(format(11)).toBe("أُطلق سراح 11 شخصًا");
  });
});
