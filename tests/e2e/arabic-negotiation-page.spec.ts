import { expect, test, type Page } from "@playwright/test";
import { axeViolations } from "./axe";
import { ownSeedCase } from "./support/own-case";

// Issue 17: the negotiation page wholly in Arabic on /ar, right to left where it matters (the
// answer line, the release chart's time axis), and English only where it is marked lang="en".

test.describe.configure({ mode: "serial" });
test.use({ timezoneId: "UTC", locale: "en-GB" });

const SWEIDA = "/negotiations/sweida-prisoner-exchange";

/** Latin text allowed outside lang="en": the data set's name, ISO codes, addresses, units. */
const ALLOWED = [/Natural Earth/g, /\bParley\b/g, /\bUTC\b/g, /\b[A-Z]{2}\b/g, /https?:\/\/\S+/g];

/** Visible (or screen-reader) text in <main> with Latin words, outside any element marked lang="en". */
async function unmarkedEnglish(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const main = document.querySelector("main");
    if (!main) return ["<no main>"];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const found: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? "";
      const element = node.parentElement;
      if (!text || !element) continue;
      if (element.closest('[lang="en"], script, style, title, desc')) continue;
      if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      found.push(text);
    }
    return found;
  });
  return texts.filter((text) => /[A-Za-z]{2,}/.test(ALLOWED.reduce((t, pattern) => t.replace(pattern, ""), text)));
}

/** The answer line's first direction: where the releasing and the receiving side's names stand. */
async function answerNames(page: Page) {
  const line = page.getByTestId("answer-direction").first();
  const names = line.locator("bdi");
  const releasing = (await names.first().boundingBox())!;
  const receiving = (await names.last().boundingBox())!;
  return { releasing, receiving };
}

async function chartDates(page: Page) {
  const first = (await page.getByTestId("chart-first-date").boundingBox())!;
  const last = (await page.getByTestId("chart-last-date").boundingBox())!;
  return { first, last };
}

let phased = "";

test.beforeAll(async () => {
  // A case of another shape: two phases, remains, an approximate count and counts still to be agreed.
  phased = (await ownSeedCase("israel-hamas-ceasefire-2025", "arabic-page-phases")).readerPath;
});

for (const [name, path] of [
  ["the Sweida case", () => SWEIDA],
  ["a phased case with remains and approximate counts", () => phased],
] as const) {
  test(`${name}: no unmarked English on the Arabic page`, async ({ page }) => {
    const response = await page.goto(`/ar${path()}`);
    expect(response!.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    // Wait for the client's live indicator to render in its language too.
    await expect(page.getByTestId("live-indicator")).toContainText("مباشر");
    const english = await unmarkedEnglish(page);
    expect(english, `English outside lang="en":\n${english.join("\n")}`).toEqual([]);
  });
}

test("phases, remains and approximate counts read in Arabic", async ({ page }) => {
  await page.goto(`/ar${phased}`);
  const terms = page.getByRole("region", { name: "الشروط الحالية" });
  await expect(terms.getByRole("heading", { name: /المرحلة 1/ })).toBeVisible();
  await expect(terms.getByRole("heading", { name: /المرحلة 2/ })).toBeVisible();
  await expect(terms).toContainText("نحو 1,900");
  await expect(terms).toContainText("عدد غير محدد من الرهائن");
  await expect(terms.getByTestId("terms-item").filter({ hasText: "رفات" })).toHaveCount(1);
});

test("the answer line reads the page's way: the releasing side first, on the right in Arabic", async ({ page }) => {
  await page.goto(SWEIDA);
  const en = await answerNames(page);
  expect(en.releasing.x, "English: releasing side on the left").toBeLessThan(en.receiving.x);
  await page.goto(`/ar${SWEIDA}`);
  await expect(page.getByTestId("answer-direction").first()).toContainText("61 مدنيًا");
  const ar = await answerNames(page);
  expect(ar.releasing.x, "Arabic: releasing side on the right").toBeGreaterThan(ar.receiving.x);
});

test("the release chart's time runs right to left on /ar", async ({ page }) => {
  await page.goto(phased);
  const en = await chartDates(page);
  expect(en.first.x, "English: first date on the left").toBeLessThan(en.last.x);
  await page.goto(`/ar${phased}`);
  const ar = await chartDates(page);
  expect(ar.first.x, "Arabic: first date on the right").toBeGreaterThan(ar.last.x);
});

for (const [name, path] of [
  ["Sweida", () => SWEIDA],
  ["the phased case", () => phased],
] as const) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`axe finds nothing on the Arabic page of ${name} in ${colorScheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(`/ar${path()}`);
      expect(await axeViolations(page, { colourOnly: colorScheme === "dark" })).toEqual([]);
    });
  }
}

test("phone and desktop screenshots of the Arabic page", async ({ page }, testInfo) => {
  for (const viewport of [
    { name: "phone", width: 390, height: 844 },
    { name: "desktop", width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto(`/ar${phased}`);
    await testInfo.attach(`arabic-negotiation-page-${viewport.name}`, {
      body: await page.screenshot({ fullPage: true }),
      contentType: "image/png",
    });
  }
});
