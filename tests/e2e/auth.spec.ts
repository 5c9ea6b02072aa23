import { expect, test } from "@playwright/test";
import { accounts, expectSignedInAs, signIn } from "./fixtures";

test.describe("readers", () => {
  for (const path of ["/editor", "/admin/users", "/account/password"]) {
    test(`are sent from ${path} to the sign-in page`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=${encodeURIComponent(path).replace(/%/g, "%")}`));
      await expect(page.getByRole("heading", { name: "Staff sign-in" })).toBeVisible();
    });
  }
});

test("a journalist signs in, sees their role, is kept out of admin, and signs out", async ({ page }) => {
  await signIn(page, accounts.journalist);
  await expect(page).toHaveURL(/\/editor$/);
  await expectSignedInAs(page, accounts.journalist.name, "Journalist");
  await expect(page.getByRole("heading", { name: "Editor" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);

  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
  await expect(page.getByText(accounts.admin.email)).toHaveCount(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/editor");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an admin signs in and reaches staff management", async ({ page }) => {
  await signIn(page, accounts.admin, "/sign-in?callbackUrl=%2Fadmin%2Fusers");
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expectSignedInAs(page, accounts.admin.name, "Admin");
  await expect(page.getByTestId(`staff-${accounts.journalist.email}`)).toContainText("Journalist");
});

test("bad sign-in input gets clear messages that do not reveal whether the account exists", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your e-mail address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();

  await signIn(page, { email: "nobody@parley.test", password: "whatever-it-is" });
  const message = "The e-mail address and password do not match an active staff account.";
  await expect(page.locator("form").getByRole("alert")).toHaveText(message);

  await signIn(page, { email: accounts.stringer.email, password: "not the password" });
  await expect(page.locator("form").getByRole("alert")).toHaveText(message);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a deactivated journalist loses access on their next request", async ({ browser }) => {
  const journalist = await browser.newContext();
  const journalistPage = await journalist.newPage();
  await signIn(journalistPage, accounts.stringer);
  await expect(journalistPage).toHaveURL(/\/editor$/);

  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, accounts.admin, "/sign-in?callbackUrl=%2Fadmin%2Fusers");
  const row = adminPage.getByTestId(`staff-${accounts.stringer.email}`);
  await row.getByRole("button", { name: `Deactivate ${accounts.stringer.name}` }).click();
  await expect(row).toContainText("Deactivated");

  await journalistPage.reload();
  await expect(journalistPage).toHaveURL(/\/sign-in/);
  await signIn(journalistPage, accounts.stringer);
  await expect(journalistPage.locator("form").getByRole("alert")).toHaveText(
    "The e-mail address and password do not match an active staff account.",
  );

  await row.getByRole("button", { name: `Reactivate ${accounts.stringer.name}` }).click();
  await expect(row).toContainText("Active");
  await Promise.all([journalist.close(), admin.close()]);
});
