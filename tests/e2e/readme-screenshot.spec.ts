import { expect, test } from "@playwright/test";

// The README's picture of Parley, remade by every e2e run from the seeded case so it never goes stale;
// a changed file after a run is a reminder to commit it.
test("the README screenshot shows the Sweida negotiation page at 1280×800", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/negotiations/sweida-prisoner-exchange");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.screenshot({ path: "docs/images/reader-page.png" });
});
