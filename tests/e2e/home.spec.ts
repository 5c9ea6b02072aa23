import { expect, test } from "@playwright/test";
import { RUSSIA_UKRAINE_SLUG, SWEIDA_SLUG, cardOf } from "./fixtures";

test("the home page lists the Sweida negotiation with its terms, parties and mediator", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Prisoner-exchange negotiations" })).toBeVisible();
  const card = cardOf(page, SWEIDA_SLUG);
  await expect(card.getByTestId("terms-line")).toContainText("61 civilians ↔ 30 security personnel");
  await expect(card).toContainText("United States");
  await expect(card).toContainText("Sheikh Hikmat al-Hijri");
  await expect(card).toContainText("Stage: Talks");
});

test("filters keep concluded negotiations apart from active ones", async ({ page }) => {
  await page.goto("/?show=concluded");
  const concluded = cardOf(page, RUSSIA_UKRAINE_SLUG);
  await expect(concluded).toBeVisible();
  await expect(concluded.getByTestId("card-sides")).toContainText("Russia: released 1,000 of 1,000");
  await expect(cardOf(page, SWEIDA_SLUG)).toHaveCount(0);
  await page.getByRole("link", { name: "Active" }).click();
  await expect(page).toHaveURL(/show=active/);
  await expect(cardOf(page, SWEIDA_SLUG)).toBeVisible();
  await expect(cardOf(page, RUSSIA_UKRAINE_SLUG)).toHaveCount(0);
});

test("an unknown page shows the app's 404", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
