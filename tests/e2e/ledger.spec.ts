// A multi-batch exchange entered from scratch through the staff UI, then checked on every
// reader surface: page, API, feed, embed and share image.
import { expect, test, type Page } from "@playwright/test";
import { accounts, signedIn } from "./fixtures";

const SLUG = "e2e-ledger-exchange";
const NORTH = "Northland government";
const SOUTH = "Southland government";
const NORTH_POWS = `${NORTH} releases 100 prisoners of war to ${SOUTH}`;
const SOUTH_POWS = `${SOUTH} releases 100 prisoners of war to ${NORTH}`;

async function pickSource(page: Page) {
  await page.getByRole("combobox", { name: "Source", exact: true }).fill("Agence");
  await page.getByRole("option", { name: /Agence France-Presse/ }).click();
  await page.getByLabel("Attribution as published").fill("AFP");
}

async function addParty(page: Page, name: string, side: string) {
  // The disclosure stays open after a participant is added; open it only when closed.
  await page
    .locator("details", { has: page.getByText("Add a participant") })
    .evaluate((details) => ((details as HTMLDetailsElement).open = true));
  const checkbox = page.getByLabel("Create a new actor");
  if (!(await checkbox.isChecked())) await checkbox.check();
  await page.getByLabel("Actor name").fill(name);
  await page.getByLabel("Role").selectOption("PARTY");
  await page.getByLabel("Side (for parties)").fill(side);
  await page.getByRole("button", { name: "Add participant" }).click();
  await expect(page.getByRole("region", { name: "Who is involved" })).toContainText(name);
}

async function logBatch(
  page: Page,
  workspace: string,
  date: string,
  title: string,
  count: string,
  stage: string,
  /** A count Southland reports differently for Northland's release, with its cited source. */
  disputed?: string,
) {
  await page.goto(workspace);
  await page.getByRole("link", { name: "Log a development" }).click();
  await page.getByLabel("Occurred on").fill(date);
  await page.getByLabel("Kind").selectOption("RELEASE");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill(`Each side released ${count} prisoners of war.`);
  await page.getByLabel("Move the negotiation to stage").selectOption(stage);
  for (const [index, obligation] of [NORTH_POWS, SOUTH_POWS].entries()) {
    await page.getByRole("button", { name: "Add a transfer" }).click();
    const row = page.getByTestId("transfer-row").nth(index);
    await row.getByLabel(`Transfer ${index + 1}: against which obligation`).selectOption({ label: obligation });
    await row.getByLabel("Number").fill(count);
    await row.getByLabel("Place").fill("the border crossing");
    if (disputed && index === 0) {
      await row.getByRole("button", { name: "Add a count reported differently" }).click();
      await row.getByLabel("Reported differently by").fill("Southland's prisoner office");
      await row.getByRole("group", { name: "Their count", exact: true }).getByLabel("Number").fill(disputed);
      await row.getByRole("combobox", { name: "Their source (readers see its rating)" }).fill("Agence");
      await page.getByRole("option", { name: /Agence France-Presse/ }).click();
    }
  }
  await pickSource(page);
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByText("Draft saved. Check the preview, then publish.")).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published", { exact: true })).toBeVisible();
}

test("a journalist enters a two-batch exchange and every reader surface shows the right totals", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  await signedIn(page, accounts.journalist);
  await page.goto("/editor/negotiations/new");
  await page.getByLabel("Title").fill("Northland and Southland prisoner exchange");
  await page.getByLabel("Address (slug)").fill(SLUG);
  await page.getByLabel("Stage").selectOption("AGREEMENT");
  await page.getByLabel("Region").fill("Test region");
  await page.getByLabel("Country").fill("Test country");
  await page.getByRole("button", { name: "Create as draft" }).click();
  await expect(page).toHaveURL(/\/editor\/negotiations\/[0-9a-f-]{36}$/);
  const workspace = new URL(page.url()).pathname;

  await addParty(page, NORTH, "Northland");
  await addParty(page, SOUTH, "Southland");

  // The terms: one obligation per side; the actor pickers start from the participants.
  await page.getByRole("link", { name: "Update the terms" }).click();
  const first = page.getByTestId("terms-item-row").first();
  await first.getByLabel("Releasing side").selectOption({ label: NORTH });
  await first.getByLabel("Receiving side").selectOption({ label: SOUTH });
  await first.getByLabel("Who").selectOption("PRISONERS_OF_WAR");
  await first.getByRole("group", { name: "How many", exact: true }).getByLabel("Number").fill("100");
  // A part of the whole, carried by every later version.
  await first.getByRole("button", { name: "Add a part" }).click();
  await first.getByLabel("Part", { exact: true }).fill("wounded");
  await first.getByRole("group", { name: "How many of the whole", exact: true }).getByLabel("Number").fill("10");
  await page.getByRole("button", { name: "Add an obligation" }).click();
  const second = page.getByTestId("terms-item-row").nth(1);
  await second.getByLabel("Releasing side").selectOption({ label: SOUTH });
  await second.getByLabel("Receiving side").selectOption({ label: NORTH });
  await second.getByLabel("Who").selectOption("PRISONERS_OF_WAR");
  await second.getByRole("group", { name: "How many", exact: true }).getByLabel("Number").fill("100");
  await page.getByLabel("Proposed on").fill("2025-06-01");
  await page.getByLabel("Status").selectOption("AGREED");
  await pickSource(page);
  await page.getByRole("button", { name: "Save new version as draft" }).click();
  const v1 = page.getByTestId("workspace-terms").filter({ hasText: "Version 1" });
  await expect(v1).toContainText("100 prisoners of war ↔ 100 prisoners of war");
  await v1.getByRole("button", { name: "Publish" }).click();
  await expect(v1.getByRole("button", { name: "Unpublish" })).toBeVisible();

  await logBatch(page, workspace, "2025-06-10", "First batch", "60", "IMPLEMENTATION");
  await logBatch(page, workspace, "2025-06-12", "Second batch", "40", "CONCLUDED", "38");

  // A status-only new version: nothing re-entered, progress and parts carried over.
  await page.goto(workspace);
  await page.getByRole("link", { name: "Update the terms" }).click();
  await page.getByLabel("Proposed on").fill("2025-06-12");
  await page.getByLabel("Status").selectOption("IMPLEMENTED");
  await pickSource(page);
  await page.getByRole("button", { name: "Save new version as draft" }).click();
  const v2 = page.getByTestId("workspace-terms").filter({ hasText: "Version 2" });
  await v2.getByRole("button", { name: "Publish" }).click();
  await expect(v2.getByRole("button", { name: "Unpublish" })).toBeVisible();

  await page.goto(workspace);
  await page.locator("header").getByRole("button", { name: "Publish negotiation" }).click();
  // The confirmation says what readers will see before anything goes public.
  await expect(page.getByTestId("negotiation-confirm")).toContainText(
    "with 2 published terms versions and 2 published developments",
  );
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.locator("header").getByRole("button", { name: "Unpublish negotiation" })).toBeVisible();

  // Reader page: stage from the dated record, per-side totals, what each batch released.
  const reader = await page.context().browser()!.newPage();
  await reader.goto(`/negotiations/${SLUG}`);
  await expect(reader.getByTestId("answer-stage").locator('[aria-current="step"]')).toContainText("Concluded");
  const sideBars = reader.getByTestId("reader-answer").getByRole("progressbar");
  await expect(sideBars).toHaveCount(2);
  for (const bar of await sideBars.all()) await expect(bar).toHaveAccessibleName(/released 100 of 100$/);
  const firstBatch = reader.getByTestId("development").filter({ hasText: "First batch" });
  await expect(firstBatch.getByTestId("development-transfers")).toContainText(
    `${NORTH} released 60 prisoners of war to ${SOUTH} in the border crossing`,
  );
  const secondBatch = reader.getByTestId("development").filter({ hasText: "Second batch" });
  await expect(secondBatch.getByTestId("development-transfers")).toContainText(
    "reported differently: Southland's prisoner office: 38, per Agence France-Presse, rated",
  );
  await expect(reader.getByText("wounded").first()).toBeVisible();
  const imageUrl = await reader.locator('meta[property="og:image"]').first().getAttribute("content");
  await reader.close();

  // API: phases, sides, transfers, quantities with their kind.
  const api = await (await request.get(`/api/v1/negotiations/${SLUG}`)).json();
  expect(api.stage).toBe("CONCLUDED");
  expect(api.phases).toHaveLength(1);
  expect(api.sides.map((s: { text: string }) => s.text)).toEqual(["100 of 100", "100 of 100"]);
  expect(api.transfers.map((t: { quantity: { kind: string; value: number } }) => t.quantity.value)).toEqual([
    60, 60, 40, 40,
  ]);
  expect(api.currentTerms.status).toBe("IMPLEMENTED");
  expect(api.currentTerms.obligations[0].agreed).toMatchObject({ kind: "EXACT", value: 100, qualifier: null });
  expect(api.currentTerms.obligations[0].breakdowns).toMatchObject([
    { label: "wounded", quantity: { kind: "EXACT", value: 10 } },
  ]);
  expect(api.transfers[2].accounts).toMatchObject([
    { attribution: "Southland's prisoner office", quantity: { value: 38 }, source: { name: "Agence France-Presse" } },
  ]);

  // Feed items say what was released, by whom.
  const feed = await (await request.get(`/negotiations/${SLUG}/feed.xml`)).text();
  expect(feed).toContain(`Released: ${NORTH} released 40 prisoners of war to ${SOUTH}`);

  // Embed: per-side totals.
  const embed = await (await request.get(`/embed/negotiations/${SLUG}`)).text();
  expect(embed).toContain("100 of 100");
  expect(embed).toContain("100 prisoners of war");

  // Share image: generated for the published case.
  const image = await request.get(new URL(imageUrl!).pathname);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toContain("image/png");
});
