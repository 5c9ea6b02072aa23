import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/**
 * The rules whose outcome depends on the colour scheme. A page's light and dark versions share
 * their markup, so a run in dark only needs these; every other rule reads structure, names and
 * roles, which the full run in light has checked.
 */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/** Every axe violation on the page as a readable line; `colourOnly` for the second colour scheme. */
export async function axeViolations(page: Page, options: { colourOnly?: boolean } = {}): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const results = await (options.colourOnly ? builder.withRules(COLOUR_RULES) : builder).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
