import { SaxesParser } from "saxes";

/**
 * Well-formedness errors of an XML document, as a conforming parser reports them
 * (saxes checks XML 1.0's character ranges; fast-xml-parser's validator does not).
 * An empty list means the document is well-formed.
 */
export function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser();
  parser.on("error", (error) => errors.push(error.message));
  parser.write(xml).close();
  return errors;
}
