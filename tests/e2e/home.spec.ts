import { expect, test } from "@playwright/test";

test("the home page lists the Sweida negotiation with its terms, parties and mediator", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Prisoner-exchange negotiations" })).toBeVisible();
  const card = page.getByRole("article").filter({ hasText: "Sweida prisoner exchange" });
  await expect(card.getByTestId("terms-line")).toContainText("61 civilians ↔ 30 security personnel");
  await expect(card).toContainText("United States");
  await expect(card).toContainText("Sheikh Hikmat al-Hijri");
  await expect(card).toContainText("Stage: Talks");
});

test("filters keep concluded negotiations apart from active ones", async ({ page }) => {
  await page.goto("/?show=concluded");
  const concluded = page.getByRole("article").filter({ hasText: "1,000 for 1,000" });
  await expect(concluded).toBeVisible();
  await expect(concluded.getByTestId("card-sides")).toContainText("Russia: released 1,000 of 1,000");
  await expect(page.getByRole("article").filter({ hasText: "Sweida" })).toHaveCount(0);
  await page.getByRole("link", { name: "Active" }).click();
  await expect(page).toHaveURL(/show=active/);
  await expect(page.getByRole("article").filter({ hasText: "Sweida" })).toBeVisible();
  await expect(page.getByRole("article").filter({ hasText: "1,000 for 1,000" })).toHaveCount(0);
});

test("an unknown page shows the app's 404", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
