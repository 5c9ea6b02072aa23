import { expect, test } from "@playwright/test";
import { accounts, signIn } from "./fixtures";
import { withE2eDatabase } from "./support/database";

async function insertSource(name: string, status: "PROPOSED" | "ACTIVE") {
  return withE2eDatabase(async (client) => {
    const slug = `${name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")}-${Date.now().toString(36)}`;
    const { rows } = await client.query(
      `INSERT INTO "Source" (id, slug, name, kind, reliability, status, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'OUTLET', 'C', $3, now()) RETURNING id`,
      [slug, name, status],
    );
    await client.query(`INSERT INTO "SourceConfidential" ("sourceId", notes, "updatedAt") VALUES ($1, '', now())`, [
      rows[0].id,
    ]);
    return rows[0].id as string;
  });
}

test.beforeEach(async ({ page }) => {
  await signIn(page, accounts.admin, "/sign-in?callbackUrl=%2Fadmin%2Fsources");
  await expect(page).toHaveURL(/\/admin\/sources$/);
});

test("an admin approves a source a journalist proposed", async ({ page }) => {
  await insertSource("Sweida Local Network", "PROPOSED");
  // Every staff page tells admins that sources wait for review, and links to the queue.
  await page.reload();
  await expect(page.getByTestId("review-queue")).toContainText(/\d+ sources? to review/);
  await page.getByTestId("review-queue").click();
  await page.getByTestId("source-row").filter({ hasText: "Sweida Local Network" }).getByRole("link").click();
  await expect(page.getByText("Proposed, awaiting review")).toBeVisible();
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
});

test("an admin merges a duplicate source into the one to keep", async ({ page }) => {
  const duplicate = await insertSource("Agence France Presse (dup)", "ACTIVE");
  await page.goto(`/admin/sources/${duplicate}`);
  await page.getByRole("combobox", { name: "Source to keep" }).fill("Agence France-Presse");
  await page.getByRole("option", { name: /^Agence France-Presse/ }).click();
  await page.getByRole("button", { name: "Merge" }).click();
  await expect(page.getByText("This source was merged; its page redirects to the surviving source.")).toBeVisible();
  await page.goto("/admin/sources?q=Agence");
  await expect(page.getByTestId("source-row").filter({ hasText: "Agence France Presse (dup)" })).toContainText(
    "merged into Agence France-Presse",
  );
});

test("confidential notes are editable by admins but never appear on the public source page", async ({
  page,
  browser,
}) => {
  await page.goto("/admin/sources?q=Druze");
  await page
    .getByTestId("source-row")
    .filter({ hasText: "Druze source with knowledge of the talks" })
    .getByRole("link")
    .click();
  const marker = `E2E-CONFIDENTIAL-${Date.now()}`;
  await page.getByLabel("Confidential notes (e.g. who an anonymous source is)").fill(marker);
  await page.getByRole("button", { name: "Save source" }).click();
  await expect(page.getByLabel("Confidential notes (e.g. who an anonymous source is)")).toHaveValue(marker);
  const reader = await browser.newPage();
  await reader.goto("/sources/druze-source-knowledge-of-talks");
  await expect(reader.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await reader.content()).not.toContain(marker);
  await reader.close();
});
