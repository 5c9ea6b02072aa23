import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * The fonts share images are drawn with, bundled from npm (@fontsource, SIL OFL) so
 * that next/og never downloads one: for any character its fonts lack, it would fetch
 * Google Fonts at render time, sending published text off-site and stalling the render.
 * WOFF, not WOFF2: next/og (satori) reads TTF, OTF and WOFF only. Arabic is IBM Plex Sans
 * Arabic because satori's font parser cannot read Noto Sans/Naskh Arabic's contextual
 * substitutions ("lookupType: 5 - substFormat: 3 is not yet supported").
 */
const FILES = [
  { name: "Noto Sans", weight: 400, file: "noto-sans/files/noto-sans-latin-400-normal.woff" },
  { name: "Noto Sans", weight: 700, file: "noto-sans/files/noto-sans-latin-700-normal.woff" },
  { name: "Noto Sans Latin Ext", weight: 400, file: "noto-sans/files/noto-sans-latin-ext-400-normal.woff" },
  { name: "Noto Sans Latin Ext", weight: 700, file: "noto-sans/files/noto-sans-latin-ext-700-normal.woff" },
  {
    name: "IBM Plex Sans Arabic",
    weight: 400,
    file: "ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-arabic-400-normal.woff",
  },
  {
    name: "IBM Plex Sans Arabic",
    weight: 700,
    file: "ibm-plex-sans-arabic/files/ibm-plex-sans-arabic-arabic-700-normal.woff",
  },
] as const;

/** The subsets above, as their packages declare them (unicode.json: CSS unicode-range values). */
const SUBSETS = [
  { file: "noto-sans/unicode.json", subsets: ["latin", "latin-ext"] },
  { file: "ibm-plex-sans-arabic/unicode.json", subsets: ["arabic"] },
] as const;

export const SHARE_FONT_FAMILY = FILES.map((font) => font.name)
  .filter((name, index, names) => names.indexOf(name) === index)
  .join(", ");

export type ShareFont = { name: string; data: Buffer; weight: 400 | 700; style: "normal" };

const fontsDir = () => path.join(process.cwd(), "node_modules/@fontsource");

let fonts: Promise<ShareFont[]> | undefined;

/** Read once per process (about 200 kB). */
export function shareFonts(): Promise<ShareFont[]> {
  fonts ??= Promise.all(
    FILES.map(async ({ name, weight, file }) => ({
      name,
      weight,
      style: "normal" as const,
      data: await readFile(path.join(fontsDir(), file)),
    })),
  );
  return fonts;
}

let ranges: Promise<Array<[number, number]>> | undefined;

/** Code-point ranges the bundled fonts are meant to cover. */
export function shareFontRanges(): Promise<Array<[number, number]>> {
  ranges ??= Promise.all(
    SUBSETS.map(async ({ file, subsets }) => {
      const declared = JSON.parse(await readFile(path.join(fontsDir(), file), "utf8")) as Record<string, string>;
      return subsets.flatMap((subset) => parseUnicodeRange(declared[subset] ?? ""));
    }),
  ).then((lists) => lists.flat());
  return ranges;
}

/** "U+0600-06FF,U+200C" → [[0x600, 0x6ff], [0x200c, 0x200c]]. */
export function parseUnicodeRange(value: string): Array<[number, number]> {
  return value
    .split(",")
    .map((part) => /^\s*U\+([0-9A-F]+)(?:-([0-9A-F]+))?\s*$/i.exec(part))
    .filter((match) => match !== null)
    .map((match) => [parseInt(match[1]!, 16), parseInt(match[2] ?? match[1]!, 16)]);
}
