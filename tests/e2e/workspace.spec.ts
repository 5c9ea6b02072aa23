// Each journey edits a copy of the seeded case of its own (support/own-case.ts), so the seeded
// case stays as readers' tests expect it and these tests pass in any order.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { accounts, signedIn } from "./fixtures";
import { ownSweidaCase, type OwnCase } from "./support/own-case";

// Each journey first loads its own copy of the case (a few seconds on a busy machine).
test.describe.configure({ timeout: 90_000 });

async function openWorkspace(page: Page, own: OwnCase) {
  await page.goto(own.workspacePath);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(own.title);
}

/** A journalist and an admin, each in their own browser, with the same development open for editing. */
async function twoEditorsOnOneDevelopment(browser: Browser, label: string) {
  const own = await ownSweidaCase(label);
  const [first, second] = [await browser.newContext(), await browser.newContext()];
  const [a, b] = [await first.newPage(), await second.newPage()];
  await signedIn(a, accounts.journalist);
  await signedIn(b, accounts.admin);
  for (const page of [a, b]) {
    await openWorkspace(page, own);
    await page
      .getByTestId("workspace-development")
      .filter({ hasText: "Aid convoys start entering the province" })
      .getByRole("link")
      .click();
    await expect(page.getByRole("heading", { name: "Edit" })).toBeVisible();
  }
  return { own, first, second, a, b };
}

async function pickSource(page: Page, label: string, search: string, option: RegExp, nth = 0) {
  const box = page.getByRole("combobox", { name: label }).nth(nth);
  await box.fill(search);
  await page.getByRole("option", { name: option }).click();
}

test("bad input is answered next to each field, and nothing is saved", async ({ page }) => {
  const own = await ownSweidaCase("input");
  await signedIn(page, accounts.journalist);
  await openWorkspace(page, own);
  await page.getByRole("link", { name: "Log a development" }).click();
  await page.getByLabel("Occurred on").fill("2099-02-30");
  await page.getByLabel("Link to the report (optional)").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByText("Please correct the fields marked below.")).toBeVisible();
  await expect(page.locator("#form-status")).toBeFocused();
  await expect(page.getByText("Enter a real date as YYYY-MM-DD, YYYY-MM or YYYY.")).toBeVisible();
  await expect(page.getByText("This field is required.").first()).toBeVisible();
  await expect(page.getByText("Choose what kind of development this is.")).toBeVisible();
  await expect(page.getByText("Enter a full web address starting with http:// or https://.")).toBeVisible();
  await expect(page.getByText("Pick a source, or propose a new one.")).toBeVisible();
  await expect(page.getByLabel("Occurred on")).toHaveValue("2099-02-30");
  await expect(page.getByLabel("Occurred on")).toHaveAttribute("aria-invalid", "true");
});

test("quick entry: a breaking development in three typed fields, its source recognised from the link", async ({
  page,
}) => {
  const own = await ownSweidaCase("quick");
  await signedIn(page, accounts.journalist);
  await openWorkspace(page, own);
  await page.getByRole("link", { name: "Quick entry" }).click();
  await page.getByLabel("Headline").fill("Quick entry: talks to resume in Amman");
  await page.getByLabel("What happened").fill("Both delegations are expected on Sunday, AFP reports.");
  await page.getByLabel("Link to the report").fill("https://afp.com/en/news/quick-entry-talks-to-resume");
  await page.getByLabel("Link to the report").press("Enter");
  await expect(page).toHaveURL(/\/editor\/developments\/[0-9a-f-]{36}\?saved=1&source=recognised$/);
  await expect(page.getByText("Its source was recognised from the link's domain.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quick entry: talks to resume in Amman");
  // Its citation is already there: it can be published straight away.
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published", { exact: true })).toBeVisible();
  await expect(page.getByText("Its source was recognised")).toHaveCount(0);
});

test("unsaved input is guarded on in-app links too, and kept in the browser as it is typed", async ({ page }) => {
  const own = await ownSweidaCase("guard");
  await signedIn(page, accounts.journalist);
  await openWorkspace(page, own);
  await page.getByRole("link", { name: "Log a development" }).click();
  await expect(page).toHaveURL(/\/developments\/new$/);
  const form = page.url();
  await page.getByLabel("Title").fill("A headline not yet saved");
  // Kept on every change: no pause in typing needed before the copy exists.
  expect(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("parley:development:")))).toBe(
    true,
  );

  // The header's "Editor" link asks first; staying keeps the input.
  const asked: string[] = [];
  page.once("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Editor", exact: true }).click();
  await expect.poll(() => asked).toEqual([expect.stringContaining("unsaved changes")]);
  expect(page.url()).toBe(form);
  await expect(page.getByLabel("Title")).toHaveValue("A headline not yet saved");

  // The "← negotiation" link asks too; leaving is then the editor's choice.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("link", { name: `← ${own.title}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(own.title);
});

test("a journalist logs a sourced development, publishes it, and readers see it", async ({ page, browser }) => {
  const own = await ownSweidaCase("log");
  await signedIn(page, accounts.journalist);
  await openWorkspace(page, own);
  await page.getByRole("link", { name: "Log a development" }).click();
  await page.getByLabel("Occurred on").fill("2026-02-26");
  await page.getByLabel("Kind").selectOption("STATEMENT");
  await page.getByLabel("Title").fill("Damascus denies talks with Hijri");
  await page.getByLabel("Summary").fill("An interior ministry official said no negotiations were under way.");
  await pickSource(page, "Source", "Syrian gov", /Syrian government \(official statements\)/);
  await pickSource(
    page,
    "Reported by (optional, e.g. AFP relaying an anonymous source)",
    "Agence",
    /Agence France-Presse/,
  );
  await page.getByLabel("Attribution as published").fill("an interior ministry official");
  const where = page.getByRole("group", { name: "Where it happened (talks venue, handover point)" });
  await where.getByLabel("Place").fill("Damascus");
  await where.getByLabel("Country").selectOption("SY");
  await where.getByLabel("Latitude").fill("33.5138");
  await where.getByLabel("Longitude").fill("36.2765");
  await page.getByLabel("Key event").check();
  await page.getByRole("button", { name: "Save as draft" }).click();

  await expect(page.getByText("Draft saved. Check the preview, then publish.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Preview, as readers will see it" })).toContainText(
    "According to Agence France-Presse, citing an interior ministry official.",
  );
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published", { exact: true })).toBeVisible();

  const reader = await browser.newPage();
  await reader.goto(own.readerPath);
  const item = reader.getByTestId("development").filter({ hasText: "Damascus denies talks with Hijri" });
  await expect(item).toBeVisible();
  await expect(item.getByTestId("development-date")).toHaveText("26 February 2026");
  await expect(item).toContainText("According to Agence France-Presse, citing an interior ministry official.");
  // Marked as key: listed first; its place is on the map and in the table.
  await expect(reader.getByRole("region", { name: "Key events" })).toContainText("Damascus denies talks with Hijri");
  await expect(reader.getByTestId("locator-table").getByRole("row").filter({ hasText: "Damascus" })).toContainText(
    "Syria",
  );
  await expect(reader.getByTestId("locator-map-place").filter({ hasText: "Damascus" })).toHaveCount(1);
  await reader.close();
});

test("updating the terms creates a new version that readers see with its history", async ({ page, browser }) => {
  const own = await ownSweidaCase("terms");
  await signedIn(page, accounts.journalist);
  await openWorkspace(page, own);
  await page.getByRole("link", { name: "Update the terms" }).click();
  const firstItem = page.getByTestId("terms-item-row").first();
  await firstItem.getByLabel("Number").fill("70");
  await page.getByLabel("Status").selectOption("COUNTERED");
  await page.getByLabel("Proposed on").fill("2026-03-01");
  await pickSource(page, "Source", "Agence", /Agence France-Presse/);
  await page.getByLabel("Attribution as published").fill("AFP");
  await page.getByRole("button", { name: "Save new version as draft" }).click();

  const v2 = page.getByTestId("workspace-terms").filter({ hasText: "Version 2" });
  await expect(v2).toContainText("70 civilians ↔ 30 security personnel");
  await v2.getByRole("button", { name: "Publish" }).click();
  await expect(v2.getByRole("button", { name: "Unpublish" })).toBeVisible();

  const reader = await browser.newPage();
  await reader.goto(own.readerPath);
  const terms = reader.getByRole("region", { name: "Current terms" });
  await expect(terms.getByTestId("terms-count")).toHaveText(["70", "30"]);
  await expect(terms).toContainText("Countered");
  const history = reader.getByRole("region", { name: "How the terms changed" });
  await expect(history.getByTestId("terms-version")).toHaveCount(2);
  await expect(history).toContainText("(was 61 civilians)");
  await expect(history).toContainText("Status: Proposed → Countered");
  await reader.close();
});

test("a development citing a source proposed inline waits for an admin's review before it can be published", async ({
  page,
}) => {
  const own = await ownSweidaCase("proposed");
  await signedIn(page, accounts.journalist);
  await openWorkspace(page, own);
  await page.getByRole("link", { name: "Log a development" }).click();
  await page.getByLabel("Occurred on").fill("2026-02-27");
  await page.getByLabel("Kind").selectOption("STATEMENT");
  await page.getByLabel("Title").fill("Local outlet reports prisoner lists exchanged");
  await page.getByLabel("Summary").fill("Lists of names were reportedly exchanged through the mediator.");
  await page.getByRole("checkbox", { name: /Propose a new source/ }).check();
  await page.getByLabel("New source name").fill("Suwayda Post");
  await page.getByLabel("Kind of source").selectOption("OUTLET");
  await page.getByLabel("Attribution as published").fill("Suwayda Post");
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByText("Draft saved. Check the preview, then publish.")).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "has not reviewed yet" })).toBeVisible();
});

test("two journalists editing the same development: the second save is refused with a clear conflict message", async ({
  browser,
}) => {
  const { own, first, second, a, b } = await twoEditorsOnOneDevelopment(browser, "conflict");

  await a.getByLabel("Title", { exact: true }).fill("Aid convoys start entering Sweida province");
  await a.getByRole("checkbox", { name: /Typo fix only/ }).check();
  await a.getByRole("button", { name: "Save changes" }).click();
  await expect(a.getByRole("heading", { level: 1 })).toHaveText("Aid convoys start entering Sweida province");

  await b
    .getByLabel("Summary", { exact: true })
    .fill("Humanitarian convoys have entered Sweida several times since July 2025.");
  await b.getByRole("checkbox", { name: /Typo fix only/ }).check();
  await b.getByRole("button", { name: "Save changes" }).click();
  await expect(b.getByRole("alert").filter({ hasText: "while you were editing" })).toContainText(
    "Jo Journalist saved this at",
  );
  await expect(b.getByRole("alert").filter({ hasText: "while you were editing" })).toContainText("changed: title");
  await expect(b.getByLabel("Summary", { exact: true })).toHaveValue(
    "Humanitarian convoys have entered Sweida several times since July 2025.",
  );

  // The reported silent revert: the second editor comes back to the page and restores the copy
  // the browser kept. It merges three ways: their summary, and the first editor's newer title.
  const again = await second.newPage();
  await again.goto(b.url());
  await b.close();
  await again.getByRole("button", { name: "Restore it" }).click();
  await expect(again.getByLabel("Title", { exact: true })).toHaveValue("Aid convoys start entering Sweida province");
  await expect(again.getByLabel("Summary", { exact: true })).toHaveValue(
    "Humanitarian convoys have entered Sweida several times since July 2025.",
  );
  await again.getByRole("checkbox", { name: /Typo fix only/ }).check();
  await again.getByRole("button", { name: "Save changes" }).click();
  // Readers get both editors' changes: nothing was overwritten unseen.
  const reader = await again.context().newPage();
  await expect(async () => {
    await reader.goto(own.readerPath);
    const item = reader.getByTestId("development").filter({ hasText: "Aid convoys start entering Sweida province" });
    await expect(item).toContainText("Humanitarian convoys have entered Sweida several times since July 2025.");
  }).toPass({ timeout: 20_000 });
  await Promise.all([first.close(), second.close()]);
});

test("a refused save merges in place: the field both editors changed needs a choice, shown three ways; history reads in words", async ({
  browser,
}, testInfo) => {
  const { first, second, a, b } = await twoEditorsOnOneDevelopment(browser, "merge");
  // Restoring or saving must never fall back to a browser prompt.
  b.on("dialog", (dialog) => {
    throw new Error(`unexpected browser dialog: ${dialog.message()}`);
  });

  await a.getByLabel("Title", { exact: true }).fill("Aid convoys enter Sweida province");
  await a.getByRole("checkbox", { name: /Typo fix only/ }).check();
  await a.getByRole("button", { name: "Save changes" }).click();
  await expect(a.getByRole("heading", { level: 1 })).toHaveText("Aid convoys enter Sweida province");

  await b.getByLabel("Title", { exact: true }).fill("First aid convoys reach the province");
  await b.getByLabel("Summary", { exact: true }).fill("Convoys have reached Sweida several times since July 2025.");
  await b.getByRole("button", { name: "Save changes" }).click();
  const refusal = b.getByRole("alert").filter({ hasText: "while you were editing" });
  await expect(refusal).toContainText("changed: title");
  await refusal.getByRole("button", { name: "Merge with the saved version" }).click();

  // Without a reload: the summary only this editor changed is merged; the title needs a choice.
  const merge = b.getByTestId("merge-choices");
  await expect(merge.getByRole("group", { name: "Title" })).toContainText(
    "You started from: Aid convoys start entering the province",
  );
  await expect(merge).toContainText("Yours: First aid convoys reach the province");
  await expect(merge).toContainText("Saved now: Aid convoys enter Sweida province");
  await expect(merge.getByRole("group", { name: "Summary" })).toHaveCount(0);
  await expect(b.getByLabel("Summary", { exact: true })).toHaveValue(
    "Convoys have reached Sweida several times since July 2025.",
  );
  await testInfo.attach("three-way merge at 1280 px", {
    body: await b.screenshot({ fullPage: true }),
    contentType: "image/png",
  });

  // Saving waits for the choice.
  await b.getByRole("button", { name: "Save changes" }).click();
  await expect(b.getByText("Choose which text to keep for each field marked below before saving.")).toBeVisible();
  await merge.getByRole("radio", { name: /Saved now/ }).check();
  await merge.getByRole("button", { name: "Use these choices" }).click();
  await expect(b.getByLabel("Title", { exact: true })).toHaveValue("Aid convoys enter Sweida province");
  await b.getByLabel("Public correction note", { exact: true }).fill("The summary now says how often convoys arrived.");
  await b.getByRole("button", { name: "Save changes" }).click();

  // History: names, form labels and the public note in the page's words, times in UTC.
  const history = b.getByRole("region", { name: "History" });
  const latest = history.getByTestId("revision").first();
  await expect(latest).toContainText("Corrected (public note) by Ada Admin");
  await expect(latest).toContainText("UTC");
  await expect(latest).toContainText("Summary");
  await expect(history.getByTestId("revision").nth(1)).toContainText("Edited by Jo Journalist");
  await expect(history).not.toContainText("correctionNote");
  await expect(history).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
  await history.getByTestId("revision").nth(1).getByRole("button", { name: "Restore this version" }).click();
  await expect(history.getByLabel("Public correction note for readers")).toBeVisible();
  await Promise.all([first.close(), second.close()]);
});

test("a journalist starts a new negotiation, adds a mediator created inline, and publishes it", async ({ page }) => {
  await signedIn(page, accounts.journalist);
  await page.getByRole("link", { name: "New negotiation" }).click();
  await page.getByLabel("Title").fill("Ruritania detainee swap");
  await page.getByLabel("Region").fill("Strelsau");
  await page.getByLabel("Country").fill("Ruritania");
  await page.getByLabel("Stage").selectOption("TALKS");
  await page.getByRole("button", { name: "Create as draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ruritania detainee swap");

  await page.getByText("Add a participant").click();
  await page.getByRole("checkbox", { name: "Create a new actor" }).check();
  await page.getByLabel("Actor name").fill("Qatar");
  await page.getByLabel("Alternate names, one per line: name | language").fill("قطر | ar");
  await page.getByLabel("Role").selectOption("MEDIATOR");
  await page.getByRole("button", { name: "Add participant" }).click();
  await expect(page.getByRole("region", { name: "Who is involved" })).toContainText(/Qatar\s*— Mediator/);

  await page.getByRole("button", { name: "Publish negotiation" }).click();
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByRole("button", { name: "Unpublish negotiation" })).toBeVisible();
  await page.goto("/?q=%D9%82%D8%B7%D8%B1");
  await expect(page.getByRole("article").filter({ hasText: "Ruritania detainee swap" })).toContainText("Qatar");
});

test("a reader with the page open sees a newly published development announced without reloading", async ({
  page,
  browser,
}) => {
  const own = await ownSweidaCase("live");
  const reader = await browser.newPage();
  await reader.goto(own.readerPath);
  await expect(reader.getByRole("heading", { level: 1 })).toBeVisible();

  await signedIn(page, accounts.journalist);
  await openWorkspace(page, own);
  await page.getByRole("link", { name: "Log a development" }).click();
  await page.getByLabel("Occurred on").fill("2026-03-02");
  await page.getByLabel("Kind").selectOption("TALKS");
  await page.getByLabel("Title").fill("Second round of talks reported");
  await page.getByLabel("Summary").fill("Negotiators met again.");
  await pickSource(page, "Source", "Agence", /Agence France-Presse/);
  await page.getByLabel("Attribution as published").fill("AFP");
  await page.getByRole("button", { name: "Save as draft" }).click();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published", { exact: true })).toBeVisible();

  const notice = reader.getByRole("button", { name: /new update/ });
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await notice.click();
  await expect(reader.getByTestId("development").first()).toContainText("Second round of talks reported");
  await reader.close();
});
