// Known open-redirect tricks for a "where to go after sign-in" parameter, as the raw
// value (the caller URL-encodes it). Collected from the usual public lists (PortSwigger,
// PayloadsAllTheThings "Open Redirect"), aimed at evil.example. Each must leave the
// visitor on Parley's own origin, wherever it lands there.
export const redirectPayloads: readonly string[] = [
  // Scheme-relative, plain and after the parser's own normalisation.
  "//evil.example/phish",
  "///evil.example/phish",
  "////evil.example/phish",
  "/.//evil.example/phish",
  "/..//evil.example/phish",
  "/./..//evil.example/phish",
  "/a/..//evil.example/phish",
  // Encoded dots and slashes.
  "/%2e//evil.example/phish",
  "/%2E%2E//evil.example/phish",
  "/%2e%2e%2f%2fevil.example/phish",
  "/%2F%2Fevil.example/phish",
  "/%2F/evil.example/phish",
  "/%252F%252Fevil.example/phish",
  "//%65vil.example/phish",
  // Backslashes, which browsers read as slashes in http(s) addresses.
  "/\\evil.example/phish",
  "/\\/evil.example/phish",
  "/.\\/evil.example/phish",
  "/./\\evil.example/phish",
  "/\\\\evil.example/phish",
  "\\\\evil.example/phish",
  "\\/evil.example/phish",
  "/%5Cevil.example/phish",
  "/%5C%5Cevil.example/phish",
  // Tabs, newlines and spaces that browsers strip.
  "/\t/evil.example/phish",
  "/\n/evil.example/phish",
  "/\r\n/evil.example/phish",
  "/%09/evil.example/phish",
  "/%0a/evil.example/phish",
  "/%0d%0a/evil.example/phish",
  " //evil.example/phish",
  "/\t.//evil.example/phish",
  // Absolute and scheme tricks.
  "https://evil.example/phish",
  "http:evil.example/phish",
  "https:/evil.example/phish",
  "https:\\\\evil.example/phish",
  "HTTPS://evil.example/phish",
  "javascript:alert(document.domain)",
  "JaVaScRiPt:alert(1)",
  "/javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  // Credentials and host confusion.
  "//evil.example@parley.example/phish",
  "//parley.example@evil.example/phish",
  "/@evil.example/phish",
  "//evil.example\\@parley.example/phish",
  "//evil.example%2F@parley.example",
  "//[::1]/phish",
  "//2130706433/phish",
  "//0x7f.1/phish",
  // Unicode look-alikes of dots and slashes.
  "//evil\u3002example/phish",
  "/\uFF0F/evil.example/phish",
  "/\u2215/evil.example/phish",
  "//\u24D4\u24E5\u24D8\u24DB.example/phish",
  "/\u3002/evil.example/phish",
  // Loops back into sign-in or next-auth.
  "/sign-in?callbackUrl=//evil.example/phish",
  "/api/auth/signin?callbackUrl=https://evil.example/phish",
];

/** True when `location`, resolved as a browser would against `base`, leaves `base`'s origin. */
export function leavesOrigin(location: string, base: string): boolean {
  try {
    return new URL(location, base).origin !== new URL(base).origin;
  } catch {
    return false;
  }
}
