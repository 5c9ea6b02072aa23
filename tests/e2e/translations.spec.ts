// The editor's Arabic: the overview lists each text with its Arabic (right-to-left) and saves one.
import { expect, test } from "@playwright/test";
import { accounts, signedIn } from "./fixtures";
import { ownSweidaCase } from "./support/own-case";

test.describe.configure({ timeout: 90_000 });

test("a journalist revises an Arabic translation from the negotiation's translation overview", async ({ page }) => {
  const own = await ownSweidaCase("arabic");
  await signedIn(page, accounts.journalist);
  await page.goto(own.workspacePath);
  await expect(page.getByRole("region", { name: "Arabic translations" })).toContainText("0 missing");
  await page.getByRole("link", { name: "Review the translations" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Arabic translations");

  const form = page
    .locator("form")
    .filter({ has: page.getByLabel("Figure label in Arabic") })
    .first();
  const field = form.getByLabel("Figure label in Arabic");
  await expect(field).toHaveAttribute("dir", "rtl");
  await expect(field).toHaveAttribute("lang", "ar");
  await field.fill("عدد القتلى في معارك السويداء، تموز/يوليو 2025");
  await form.getByRole("button", { name: "Save Arabic" }).click();
  await expect(form.getByText("Arabic saved.")).toBeVisible();
  await expect(form.getByText("Arabic up to date")).toBeVisible();
});
