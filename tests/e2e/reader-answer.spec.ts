import { expect, test, type Locator, type TestInfo } from "@playwright/test";
import { axeViolations } from "./axe";
import { SWEIDA_SLUG, cardOf } from "./fixtures";

// The reader's five-second answer (issue 15): what the first screen says, on desktop and phone,
// and that every public page passes axe in light and dark.

const SWEIDA = "/negotiations/sweida-prisoner-exchange";
const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

test.use({ timezoneId: "UTC", locale: "en-GB" });

/** The element lies wholly inside the first viewport (the page is not scrolled). */
async function expectInFirstViewport(locator: Locator, viewport: { width: number; height: number }) {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  expect(box, "has a box").not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, "bottom edge within the first viewport").toBeLessThanOrEqual(viewport.height);
  expect(box!.x + box!.width, "right edge within the viewport").toBeLessThanOrEqual(viewport.width);
}

async function attach(testInfo: TestInfo, name: string, body: Buffer) {
  await testInfo.attach(name, { body, contentType: "image/png" });
}

for (const viewport of VIEWPORTS) {
  test(`at ${viewport.width}×${viewport.height} the first viewport says who releases whom, how far, who mediates, the stage and how sure`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize(viewport);
    await page.goto(SWEIDA);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    const directions = page.getByTestId("answer-direction");
    await expect(directions).toHaveText([
      /^Damascus → releases\s+61 civilians → to\s+Hijri$/,
      /^National Guard → releases\s+30 security personnel → to\s+Damascus$/,
    ]);
    const totals = page.getByTestId("answer-total");
    await expect(totals).toHaveText([
      /^0\s*\/ 61\s*released by Damascus government$/,
      /^0\s*\/ 30\s*released by Sweida Druze leadership$/,
    ]);
    const bars = page.getByTestId("reader-answer").getByRole("progressbar");
    await expect(bars.nth(0)).toHaveAccessibleName("Damascus government released 0 of 61");
    await expect(bars.nth(1)).toHaveAccessibleName("Sweida Druze leadership released 0 of 30");

    const mediators = page.getByTestId("answer-mediators");
    await expect(mediators).toHaveText("Mediated by United States");
    const stage = page.getByTestId("answer-stage");
    await expect(stage.locator('[aria-current="step"]')).toHaveText(/^Talks/);
    await expect(page.getByTestId("latest-development")).toHaveText("Latest development: 24 February 2026");

    const confidence = page.getByTestId("answer-confidence");
    const anonymous = confidence.getByRole("link", { name: "Single anonymous source" });
    const unconfirmed = confidence.getByRole("link", { name: "Unconfirmed by either side" });
    const rating = confidence.getByRole("link", { name: "Weakest source rating: F, cannot be judged" });
    await expect(anonymous).toHaveAttribute("href", "/about/reliability#single-anonymous-source");
    await expect(unconfirmed).toHaveAttribute("href", "/about/reliability#unconfirmed");
    await expect(rating).toHaveAttribute("href", "/about/reliability#rating-F");

    for (const locator of [
      directions.nth(0),
      directions.nth(1),
      totals.nth(0),
      totals.nth(1),
      mediators,
      stage,
      anonymous,
      unconfirmed,
      rating,
    ])
      await expectInFirstViewport(locator, viewport);
    await attach(testInfo, `first-viewport-${viewport.name}-light`, await page.screenshot());

    // The rating link lands on its place on the scale.
    await rating.click();
    await expect(page).toHaveURL(/\/about\/reliability#rating-F$/);
    await expect(page.locator("#rating-F")).toContainText("Cannot be judged");
  });

  test(`at ${viewport.width}×${viewport.height}: light, dark and print screenshots, with the Arabic names`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000); // full-page screenshots in three media on a shared machine
    await page.setViewportSize(viewport);
    await page.goto(SWEIDA);
    const involved = page.getByRole("region", { name: "Who is involved" });
    await expect(involved.locator('[lang="ar"]').filter({ hasText: "حكمت الهجري" })).toBeVisible();
    // Parties grouped under their side, the mediator between the sides.
    await expect(involved.getByRole("heading", { level: 3 })).toHaveText([
      "Damascus government",
      "Between the sides",
      "Sweida Druze leadership",
    ]);
    await attach(testInfo, `who-is-involved-${viewport.name}`, await involved.screenshot());
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme, media: "screen" });
      await attach(testInfo, `negotiation-${viewport.name}-${colorScheme}`, await page.screenshot({ fullPage: true }));
    }
    await page.emulateMedia({ colorScheme: "light", media: "print" });
    // Print: citations expanded, staff link gone, the page's address and the print date stamped.
    const sources = page.getByRole("region", { name: "Current terms" }).getByText(/According to Agence France-Presse/);
    await expect(sources).toBeVisible();
    await expect(page.getByRole("link", { name: "Staff sign-in" })).toBeHidden();
    await expect(page.getByTestId("print-stamp")).toHaveText(
      new RegExp(`^Printed from http://127\\.0\\.0\\.1:\\d+${SWEIDA} on \\d{1,2} \\w+ \\d{4}`),
    );
    await attach(testInfo, `negotiation-${viewport.name}-print`, await page.screenshot({ fullPage: true }));
  });
}

test("key events come first and lead to their timeline entries", async ({ page }) => {
  await page.goto(SWEIDA);
  const keyEvents = page.getByRole("region", { name: "Key events" });
  await expect(keyEvents.getByRole("link")).toHaveText([
    "Deadly clashes erupt in Sweida province",
    "US-mediated prisoner swap talks reported",
  ]);
  // Above the terms card and the timeline.
  const keyTop = (await keyEvents.boundingBox())!.y;
  for (const name of ["Current terms", "Timeline"]) {
    const region = page.getByRole("region", { name, exact: true }).first();
    expect((await region.boundingBox())!.y, name).toBeGreaterThan(keyTop);
  }
  await keyEvents.getByRole("link", { name: "Deadly clashes erupt in Sweida province" }).click();
  const entry = page.locator(":target");
  await expect(entry).toHaveAttribute("data-testid", "development");
  await expect(entry).toContainText("Deadly clashes erupt in Sweida province");
  await expect(entry).toContainText("Key event");
});

test("the locator map is server-rendered SVG with the places listed beside it", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(SWEIDA);
  const map = page.getByRole("img", { name: "Locator map of the negotiation's places" });
  await expect(map).toBeVisible();
  await expect(map).toHaveAccessibleDescription("Marked: Sweida (Syria). Shaded: Syria.");
  await expect(map.getByTestId("locator-map-place")).toHaveCount(1);
  const rows = page.getByTestId("locator-table").getByRole("row");
  await expect(rows.nth(1)).toHaveText(/Sweida\s*Syria\s*Events\s*32\.7089° N, 36\.5695° E/);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await attach(testInfo, `locator-map-${colorScheme}`, await page.getByTestId("locator").screenshot());
  }

  // A place without coordinates is listed, not plotted.
  await page.goto("/negotiations/russia-ukraine-1000-for-1000-may-2025");
  const table = page.getByTestId("locator-table");
  await expect(table.getByRole("row").filter({ hasText: "Istanbul" })).toContainText("Talks venue");
  await expect(table.getByRole("row").filter({ hasText: "Belarus–Ukraine border" })).toContainText(
    "Not recorded: listed, not on the map",
  );
  await expect(page.getByTestId("locator-map-place")).toHaveCount(1);
  await context.close();
});

test("the chart of releases is server-rendered SVG with a table equivalent", async ({ browser }) => {
  // Without JavaScript: the chart and its table are in the HTML itself.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/negotiations/russia-ukraine-1000-for-1000-may-2025");
  const chart = page.getByRole("img", { name: /Cumulative releases per side/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleDescription(/Russia: 1,000 released; Ukraine: 1,000 released/);
  await page.getByText("Releases over time as a table").click();
  const table = page.getByTestId("release-table");
  await expect(table.getByRole("columnheader")).toHaveText(["Date", "Russia", "Ukraine"]);
  await expect(table.getByRole("row").last()).toContainText("1,000");
  await context.close();
});

test("the home card and the page give the latest development apart from the record's edit time", async ({ page }) => {
  await page.goto("/");
  const card = cardOf(page, SWEIDA_SLUG);
  await expect(card.getByTestId("card-latest-development")).toHaveText("24 February 2026");
  await expect(card).toContainText("Record edited");
  await page.goto(SWEIDA);
  await expect(page.getByText(/^Record last edited/)).toBeVisible();
});

test("the live indicator polls at once when the tab becomes visible and says when it checked", async ({ page }) => {
  // Frozen time: no timer fires, so any request is the visibility change's own.
  await page.clock.install({ time: new Date("2026-03-01T14:01:00Z") });
  await page.clock.pauseAt(new Date("2026-03-01T14:02:00Z"));
  await page.goto(SWEIDA);
  await expect(page.getByTestId("print-stamp")).not.toBeEmpty(); // hydrated: effects have run
  const indicator = page.getByTestId("live-indicator");
  await expect(indicator).toHaveText("Live");
  const polled = page.waitForResponse(/\/api\/v1\/negotiations\/sweida-prisoner-exchange\/developments/);
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  const response = await polled;
  // The very first check already carries the validator of the data the page was rendered from,
  // so an unchanged page costs one bodiless 304.
  expect(await response.request().headerValue("if-none-match")).toMatch(/^"[\w-]{27}"$/);
  expect(response.status()).toBe(304);
  await expect(indicator).toHaveText("Live · checked 14:02");
  // The announcement region holds only news of new entries, not the ticking clock.
  await expect(page.locator('[aria-live="polite"]')).not.toContainText("checked");
});

test("the embed says who releases to whom with its caveat and source, and follows ?theme", async ({ page }) => {
  await page.goto(`/embed${SWEIDA}`);
  const main = page.getByRole("main");
  await expect(main).toContainText("Damascus → 61 civilians → Hijri");
  await expect(main).toContainText("National Guard → 30 security personnel → Damascus");
  await expect(main).toContainText("Single anonymous source · Unconfirmed by either side");
  await expect(main).toContainText("Source: According to Agence France-Presse, citing a Druze source");
  await expect(main).toContainText("latest development 24 February 2026");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await background()).toBe("rgb(255, 255, 255)"); // light by default, whatever the reader's OS says
  await page.goto(`/embed${SWEIDA}?theme=dark`);
  expect(await background()).toBe("rgb(28, 25, 23)");
  await page.goto(`/embed${SWEIDA}?theme=auto`);
  expect(await background()).toBe("rgb(28, 25, 23)");
  await page.goto(`/embed${SWEIDA}?theme=light&transparent=1`);
  expect(await background()).toBe("rgba(0, 0, 0, 0)");

  await page.goto("/developers");
  const snippet = page.locator("#embed ~ pre");
  await expect(snippet).toContainText(`/embed${SWEIDA}`);
  await expect(snippet).toContainText("data-parley-embed");
  await expect(page.locator("main")).toContainText("?theme=dark");
});

test("the share image is absolute on the public origin and draws the whole answer", async ({
  page,
  request,
  baseURL,
}, testInfo) => {
  await page.goto(SWEIDA);
  const imageUrl = await page.locator('meta[property="og:image"]').first().getAttribute("content");
  expect(imageUrl).toMatch(
    // Next names the English page's image under /en/ (its route sits in app/[locale]); it answers there.
    new RegExp(`^${baseURL!.replace(/\./g, "\\.")}(?:/en)?/negotiations/sweida-prisoner-exchange/opengraph-image`),
  );
  const image = await request.get(imageUrl!, { maxRedirects: 0 });
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  await attach(testInfo, "share-image", await image.body());
});

test("favicon and app icons are served; the 404 keeps the site frame", async ({ page, request }) => {
  await page.goto("/");
  for (const rel of ["icon", "apple-touch-icon"]) {
    const href = await page.locator(`link[rel="${rel}"]`).first().getAttribute("href");
    expect((await request.get(href!)).status(), rel).toBe(200);
  }
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("main")).toContainText("Page not found");
  await expect(page.getByRole("link", { name: "Parley" })).toBeVisible();
});

const PUBLIC_PAGES = [
  ["home", "/"],
  ["negotiation", SWEIDA],
  ["two-phase negotiation", "/negotiations/israel-hamas-ceasefire-2025"],
  ["concluded negotiation", "/negotiations/russia-ukraine-1000-for-1000-may-2025"],
  ["corrections", `${SWEIDA}/corrections`],
  ["actor", "/actors/hikmat-al-hijri"],
  ["source", "/sources/druze-source-knowledge-of-talks"],
  ["rating scale", "/about/reliability"],
  ["developers", "/developers"],
  ["404", "/no-such-page"],
  ["embed", `/embed${SWEIDA}`],
  ["embed dark", `/embed${SWEIDA}?theme=dark`],
  ["embed auto", `/embed${SWEIDA}?theme=auto`],
  ["embed transparent", `/embed${SWEIDA}?transparent=1`],
] as const;

for (const [name, path] of PUBLIC_PAGES) {
  test(`axe finds no violations on the ${name} page in light and dark mode`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(path);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page, { colourOnly: colorScheme === "dark" }), colorScheme).toEqual([]);
    }
  });
}
