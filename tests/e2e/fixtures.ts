import { expect, type Page } from "@playwright/test";

export const E2E_DATA_DIR = ".data/e2e/postgres";

export type Account = { email: string; name: string; role: "journalist" | "admin"; password: string };

export const accounts = {
  journalist: {
    email: "journalist@parley.test",
    name: "Jo Journalist",
    role: "journalist",
    password: "parley-journalist-dev",
  },
  admin: { email: "admin@parley.test", name: "Ada Admin", role: "admin", password: "parley-admin-dev" },
  // Deactivated during a test; kept apart so other journeys are unaffected.
  stringer: {
    email: "stringer@parley.test",
    name: "Sam Stringer",
    role: "journalist",
    password: "parley-stringer-e2e",
  },
} satisfies Record<string, Account>;

/** Page object for the sign-in form. */
export async function signIn(page: Page, account: Pick<Account, "email" | "password">, path = "/sign-in") {
  await page.goto(path);
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function expectSignedInAs(page: Page, name: string, role: "Journalist" | "Admin") {
  const header = page.getByTestId("signed-in-user");
  await expect(header).toContainText(name);
  await expect(header).toContainText(`Role: ${role}`);
}

export const CORRECTION_NOTE =
  "An earlier version of this entry said the ceasefire held from the start; it was reached later in July.";

/** Signs in and waits until the session is established (the editor has loaded). */
export async function signedIn(page: Page, account: Pick<Account, "email" | "password">) {
  await signIn(page, account);
  await expect(page).toHaveURL(/\/editor$/);
}

/**
 * The home-page card of one negotiation, found by its address: other specs add copies of the
 * seeded cases (own data per spec), whose cards share the seeded wording.
 */
export function cardOf(page: Page, slug: string) {
  return page.getByRole("article").filter({ has: page.locator(`a[href$="/negotiations/${slug}"]`) });
}

export const SWEIDA_SLUG = "sweida-prisoner-exchange";
export const RUSSIA_UKRAINE_SLUG = "russia-ukraine-1000-for-1000-may-2025";
