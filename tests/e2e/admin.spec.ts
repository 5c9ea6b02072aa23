import { expect, test } from "@playwright/test";
import { accounts, signIn } from "./fixtures";
import { withE2eDatabase } from "./support/database";

/** A source of the test's own, so no test edits what another reads. */
async function insertSource(name: string, status: "PROPOSED" | "ACTIVE") {
  return withE2eDatabase(async (client) => {
    const slug = `${name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")}-${Date.now().toString(36)}`;
    const { rows } = await client.query(
      `INSERT INTO "Source" (id, slug, name, kind, reliability, status, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'OUTLET', 'C', $3, now()) RETURNING id, slug`,
      [slug, name, status],
    );
    await client.query(`INSERT INTO "SourceConfidential" ("sourceId", notes, "updatedAt") VALUES ($1, '', now())`, [
      rows[0].id,
    ]);
    return { id: rows[0].id as string, slug: rows[0].slug as string };
  });
}

test.beforeEach(async ({ page }) => {
  await signIn(page, accounts.admin, "/sign-in?callbackUrl=%2Fadmin%2Fsources");
  await expect(page).toHaveURL(/\/admin\/sources$/);
});

test("an admin approves a source a journalist proposed; the audit log shows where the change came from", async ({
  page,
}) => {
  const name = `Sweida Local Network ${Date.now().toString(36)}`;
  const { id } = await insertSource(name, "PROPOSED");
  // Every staff page tells admins that sources wait for review, and links to the queue.
  await page.reload();
  await expect(page.getByTestId("review-queue")).toContainText(/\d+ sources? to review/);
  await page.getByTestId("review-queue").click();
  await page.getByTestId("source-row").filter({ hasText: name }).getByRole("link").click();
  await expect(page.getByText("Proposed, awaiting review")).toBeVisible();
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Active", { exact: true })).toBeVisible();

  // The admin audit log (and only it) shows the client address and browser of the change.
  const userAgent = await page.evaluate(() => navigator.userAgent);
  await page.goto("/admin/audit?entityType=Source");
  const row = page.getByRole("row").filter({ hasText: "source.approve" }).filter({ hasText: id });
  await expect(row.getByTestId("audit-client")).toContainText("127.0.0.1");
  await expect(row.getByTestId("audit-client")).toContainText(userAgent);
});

test("an admin merges a duplicate source into the one to keep", async ({ page }) => {
  const suffix = Date.now().toString(36);
  await insertSource(`Levant Wire ${suffix}`, "ACTIVE");
  const duplicate = await insertSource(`Levant Wire (dup) ${suffix}`, "ACTIVE");
  await page.goto(`/admin/sources/${duplicate.id}`);
  await page.getByRole("combobox", { name: "Source to keep" }).fill(`Levant Wire ${suffix}`);
  await page.getByRole("option", { name: new RegExp(`^Levant Wire ${suffix}`) }).click();
  await page.getByRole("button", { name: "Merge" }).click();
  await expect(page.getByText("This source was merged; its page redirects to the surviving source.")).toBeVisible();
  await page.goto(`/admin/sources?q=${suffix}`);
  await expect(page.getByTestId("source-row").filter({ hasText: "(dup)" })).toContainText(
    `merged into Levant Wire ${suffix}`,
  );
});

test("confidential notes are editable by admins but never appear on the public source page", async ({
  page,
  browser,
}) => {
  const source = await insertSource(`Anonymous insider ${Date.now().toString(36)}`, "ACTIVE");
  await page.goto(`/admin/sources/${source.id}`);
  const marker = `E2E-CONFIDENTIAL-${Date.now()}`;
  await page.getByLabel("Confidential notes (e.g. who an anonymous source is)").fill(marker);
  await page.getByRole("button", { name: "Save source" }).click();
  await expect(page.getByLabel("Confidential notes (e.g. who an anonymous source is)")).toHaveValue(marker);
  const reader = await browser.newPage();
  await reader.goto(`/sources/${source.slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await reader.content()).not.toContain(marker);
  await reader.close();
});
