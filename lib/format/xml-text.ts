/**
 * Characters XML 1.0 forbids anywhere in a document (§2.2, production [2] Char):
 * C0 controls other than tab, LF and CR; U+FFFE and U+FFFF; and UTF-16 surrogates
 * not part of a pair. One of them makes a whole feed malformed, so a strict reader
 * rejects every item. NUL is among them.
 */
const XML_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML 1.0 forbids; everything else, markup included, is left as it is. */
export function stripXmlForbidden(text: string): string {
  return text.replace(XML_FORBIDDEN, "");
}
