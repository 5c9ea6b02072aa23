// The hostile-input corpus: what every server-action field and every public
// query parameter is fed. Each payload has a name for failure messages.

export type Payload = { name: string; value: unknown };

const XSS_IMG = "<img src=x onerror=alert(1)>";
const XSS_SCRIPT = "<script>alert(1)</script>";

/** Markup that must always come back escaped wherever it is stored and shown. */
export const markupPayloads = { img: XSS_IMG, script: XSS_SCRIPT, svg: '"><svg onload=alert(1)>' } as const;

export const stringPayloads: Payload[] = [
  { name: "script tag", value: XSS_SCRIPT },
  { name: "img onerror", value: XSS_IMG },
  { name: "attribute breakout", value: '"><svg onload=alert(1)>' },
  { name: "single-quote breakout", value: "' onmouseover='alert(1)" },
  { name: "javascript: URL", value: "javascript:alert(document.cookie)" },
  { name: "mixed-case javascript: URL", value: " JaVaScRiPt:alert(1)" },
  { name: "data: URL", value: "data:text/html,<script>alert(1)</script>" },
  { name: "SQL tautology", value: "' OR '1'='1" },
  { name: "SQL statement", value: '\'; DROP TABLE "User"; --' },
  { name: "SQL comment and union", value: '1 UNION SELECT email, "passwordHash" FROM "User" --' },
  { name: "null byte", value: "before\u0000after" },
  { name: "only a null byte", value: "\u0000" },
  { name: "right-to-left override", value: "\u202Egnp.exe\u202C invoice" },
  { name: "zero-width and bidi isolates", value: "a\u200B\u2066b\u2069c\uFEFF" },
  { name: "lone surrogate", value: "x\uD800y" },
  { name: "vertical tab (XML-forbidden, pasted from Word)", value: "a\u000Bb" },
  { name: "U+FFFE (XML-forbidden)", value: "a\uFFFEb" },
  { name: "escape and unit separator (XML-forbidden)", value: "a\u001B\u001Fb" },
  { name: "C1 control", value: "a\u0085b" },
  { name: "CRLF header injection", value: "a\r\nSet-Cookie: pwned=1" },
  { name: "template syntax", value: "{{7*7}}${7*7}<%= 7*7 %>" },
  { name: "path traversal", value: "../../../../etc/passwd" },
  { name: "React reference prefix", value: "$@0" },
  { name: "percent-encoded null", value: "%00%0d%0a" },
  { name: "200 kB string", value: "A".repeat(200_000) },
  { name: "whitespace only", value: " \t\n " },
];

export const typePayloads: Payload[] = [
  { name: "array of strings", value: ["a", "b"] },
  { name: "empty array", value: [] },
  { name: "object", value: { nested: "value", $ne: null } },
  { name: "number", value: 42 },
  { name: "negative number", value: -1 },
  { name: "huge number", value: 1e308 },
  { name: "beyond a PostgreSQL integer", value: 2147483648 },
  { name: "unsafe integer", value: 9007199254740993 },
  { name: "fraction", value: 0.5 },
  { name: "boolean", value: true },
  { name: "null", value: null },
  {
    name: "prototype pollution",
    value: { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } },
  },
];

export const numberStringPayloads: Payload[] = [
  { name: "negative count", value: "-1" },
  { name: "huge count", value: "99999999999999999999999" },
  { name: "beyond a PostgreSQL integer", value: "2147483648" },
  { name: "exponent", value: "1e309" },
  { name: "NaN", value: "NaN" },
  { name: "Infinity", value: "Infinity" },
  { name: "hex", value: "0x1F" },
  { name: "fractional", value: "1.5" },
];

export const datePayloads: Payload[] = [
  { name: "30 February", value: "2026-02-30" },
  { name: "29 February in a common year", value: "2025-02-29" },
  { name: "year 0", value: "0000-01-01" },
  { name: "month 13", value: "2025-13-01" },
  { name: "day 0", value: "2025-01-00" },
  { name: "far future", value: "9999-12-31" },
  { name: "beyond JavaScript dates", value: "275760-09-14" },
  { name: "negative year", value: "-0001-01-01" },
  { name: "date-time", value: "2025-07-14T25:61:00Z" },
];

/** A whole-argument payload: an object nested far deeper than any form. */
export function deeplyNested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

/** Payloads for one field, chosen by its name and by the kind of value it normally holds. */
export function payloadsFor(field: string, normal: unknown): Payload[] {
  const list = [...stringPayloads, ...typePayloads];
  if (/On$|asOf|date/i.test(field)) list.push(...datePayloads);
  if (typeof normal === "number" || /version|count|min$|max$|exact|revision/i.test(field))
    list.push(...numberStringPayloads);
  return list;
}

/** Raw bodies for a server-action POST, bypassing JSON encoding. */
export const rawBodies: Array<{ name: string; body: Uint8Array | string; contentType?: string }> = [
  {
    name: "invalid UTF-8",
    body: Buffer.concat([
      Buffer.from('[null,{"title":"'),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xa0, 0xa1]),
      Buffer.from('"}]'),
    ]),
  },
  {
    name: "overlong UTF-8 encoding of <",
    body: Buffer.concat([Buffer.from('[null,{"title":"'), Buffer.from([0xc0, 0xbc]), Buffer.from('script"}]')]),
  },
  { name: "truncated JSON", body: '[null,{"title":' },
  { name: "not JSON", body: "hello=world&title=x" },
  { name: "empty body", body: "" },
  { name: "JSON object instead of argument list", body: '{"title":"x"}' },
  { name: "string argument", body: '[null,"just a string"]' },
  { name: "number argument", body: "[null,12345]" },
  { name: "no input argument", body: "[null]" },
  { name: "many arguments", body: "[null,{},{},{},{},{}]" },
  { name: "React reference to a missing chunk", body: '[null,"$@99"]' },
  { name: "React form-data reference", body: '[null,"$K1"]' },
  { name: "deeply nested arrays", body: `[null,${"[".repeat(20_000)}${"]".repeat(20_000)}]` },
  { name: "deeply nested objects", body: `[null,${'{"a":'.repeat(20_000)}"bottom"${"}".repeat(20_000)}]` },
  {
    name: "multipart with a bogus boundary",
    body: '--x\r\nContent-Disposition: form-data; name="1_title"\r\n\r\nx\r\n--y--',
    contentType: "multipart/form-data; boundary=x",
  },
];

/**
 * React's reply format reads a string that starts with "$" as a reference (Map "$Q", Set "$W",
 * server function "$h", Blob "$B", iterator "$i", typed arrays "$A"/"$O"/"$U"/"$S"/"$F"/…,
 * outlined part "$1", …). One React cannot resolve used to make Next answer 500 before the
 * action's own sign-in check ran; every such body must get a 400, signed in or not.
 */
export const reactReferenceMarkers = [
  "$Q1",
  "$h",
  "$h1",
  "$B",
  "$B1",
  "$W",
  "$W1",
  "$i",
  "$i1",
  "$l",
  "$l1",
  "$A",
  "$A1",
  "$O1",
  "$U1",
  "$S1",
  "$F",
  "$F1",
  "$Z",
  "$1",
  "$2f",
  "$@1",
  "$T",
  "$R1",
  "$r1",
  "$X1",
  "$x1",
  "$E",
];

/** Server-action bodies carrying each marker: as the argument, inside the input, and as a form post's root. */
export function reactReferenceBodies(): Array<{ name: string; body: string | FormData; contentType?: string }> {
  return reactReferenceMarkers.flatMap((marker) => {
    const form = new FormData();
    form.set("0", JSON.stringify(["$undefined", marker]));
    form.set("1_title", "x");
    return [
      { name: `${marker} as the input`, body: JSON.stringify([null, marker]) },
      { name: `${marker} inside the input`, body: JSON.stringify([null, { title: marker, items: [marker] }]) },
      { name: `${marker} as the previous state`, body: JSON.stringify([marker, {}]) },
      { name: `${marker} in a form post's root`, body: form },
    ];
  });
}

/** next-auth's error page with codes a header cannot carry (it copied them into Location). */
export const authErrorCodes = [
  "%E2%80%AE",
  "%0A",
  "%0D%0ASet-Cookie:%20a=b",
  "caf%C3%A9",
  "%F0%9F%92%A5",
  "%00",
  "%FF",
];
