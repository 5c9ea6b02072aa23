import { expect, test } from "@playwright/test";
import { axeViolations } from "./axe";

// Issue 17, reader side: Arabic pages under /ar, right to left, linked both ways with their
// English versions, and as accessible as the English ones.

const SWEIDA = "/negotiations/sweida-prisoner-exchange";

test.use({ timezoneId: "UTC", locale: "en-GB" });

test("/ar is Arabic, right to left, and lists the Sweida case", async ({ page }) => {
  const response = await page.goto("/ar");
  expect(response!.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("مفاوضات تبادل الأسرى");
  // The seeded Arabic title; a case with no Arabic yet shows its English title marked lang="en", with a note.
  const sweida = page.getByRole("link", { name: "تبادل الأسرى في السويداء: دمشق والشيخ حكمت الهجري" });
  await expect(sweida).toHaveAttribute("href", `/ar${SWEIDA}`);
  await expect(sweida.locator('[lang="en"]')).toHaveCount(0);
  const untranslated = page
    .getByRole("article")
    .filter({ has: page.locator('h2 [lang="en"]') })
    .first();
  await expect(untranslated.getByTestId("untranslated-note")).toHaveText("(النص بالإنجليزية)");
  // The public answer is the same to every browser: no redirect, cookie or Vary on the language.
  expect(response!.headers()["set-cookie"]).toBeUndefined();
  expect(response!.headers()["vary"] ?? "").not.toMatch(/accept-language/i);
});

test("an Arabic browser gets the English page at the English address, with a suggestion", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ar-SY" });
  const page = await context.newPage();
  const response = await page.goto("/");
  expect(new URL(response!.url()).pathname).toBe("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "اقرأ هذه الصفحة بالعربية" })).toHaveAttribute("href", "/ar");
  await context.close();
});

test("English pages link their Arabic alternates, and the switcher keeps the path", async ({ page }) => {
  await page.goto(SWEIDA);
  const origin = new URL(page.url()).origin;
  const alternate = (lang: string) => page.locator(`head link[rel="alternate"][hreflang="${lang}"]`);
  await expect(alternate("ar")).toHaveAttribute("href", `${origin}/ar${SWEIDA}`);
  await expect(alternate("en")).toHaveAttribute("href", `${origin}${SWEIDA}`);
  await expect(alternate("x-default")).toHaveAttribute("href", `${origin}${SWEIDA}`);
  await page.getByTestId("language-switcher").click();
  await expect(page).toHaveURL(`${origin}/ar${SWEIDA}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("answer-direction").first()).toContainText("61 مدنيًا");
  await page.getByTestId("language-switcher").click();
  await expect(page).toHaveURL(`${origin}${SWEIDA}`);
});

test("the Arabic negotiation page reads right to left: the stepper starts and the bars fill from the right", async ({
  page,
}, testInfo) => {
  for (const viewport of [
    { name: "phone", width: 390, height: 844 },
    { name: "desktop", width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto(`/ar${SWEIDA}`);
    const steps = page.getByTestId("answer-stage").getByRole("listitem");
    const first = (await steps.first().boundingBox())!;
    const last = (await steps.last().boundingBox())!;
    expect(first.x, "first stage on the right").toBeGreaterThan(last.x);
    await expect(steps.first()).toHaveText(/ما قبل المحادثات/);
    const bar = page.getByTestId("reader-answer").getByRole("progressbar").first();
    const track = (await bar.boundingBox())!;
    const fill = (await bar.locator("div").boundingBox())!;
    expect(Math.abs(fill.x + fill.width - (track.x + track.width)), "fill anchored at the right edge").toBeLessThan(2);
    await testInfo.attach(`arabic-negotiation-${viewport.name}`, {
      body: await page.screenshot({ fullPage: true }),
      contentType: "image/png",
    });
  }
  await page.goto("/ar");
  await testInfo.attach("arabic-home-desktop", { body: await page.screenshot(), contentType: "image/png" });
});

test("Arabic feeds, embed and sitemap", async ({ page, request }) => {
  const feed = await request.get("/ar/feed.xml");
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain("<language>ar</language>");
  const own = await (await request.get(`/ar${SWEIDA}/feed.xml`)).text();
  expect(own).toContain(`/ar${SWEIDA}#development-`);
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toMatch(new RegExp(`<loc>[^<]*/ar${SWEIDA}</loc>`));
  expect(sitemap).toContain('hreflang="ar"');
  await page.goto(`/embed${SWEIDA}?lang=ar`);
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("main")).toContainText("مصدر واحد مجهول الهوية");
});

test("Arabic feeds, embed, oEmbed and JSON-LD carry the translated texts and Arabic names", async ({
  page,
  request,
  baseURL,
}, testInfo) => {
  const rss = await (await request.get(`/ar${SWEIDA}/feed.xml`)).text();
  expect(rss).toContain("<title><![CDATA[اندلاع اشتباكات دامية في محافظة السويداء]]></title>");
  expect(rss).toContain("<title>تبادل الأسرى في السويداء: دمشق والشيخ حكمت الهجري · بارلي</title>");
  const atom = await (await request.get("/ar/atom.xml")).text();
  expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">');
  expect(atom).toContain("تبادل الأسرى في السويداء: دمشق والشيخ حكمت الهجري: اندلاع اشتباكات دامية");

  await page.goto(`/embed${SWEIDA}?lang=ar`);
  const card = page.getByRole("main");
  await expect(card.getByRole("heading", { level: 1 })).toHaveText("تبادل الأسرى في السويداء: دمشق والشيخ حكمت الهجري");
  await expect(card.locator("strong").first()).toHaveText("الحكومة السورية ← 61 civilians ← حكمت الهجري");
  await expect(card.locator('strong [lang="en"]').first()).toHaveText("61 civilians");
  await testInfo.attach("arabic-embed", { body: await card.screenshot(), contentType: "image/png" });

  const oembed = await (await request.get(`/api/oembed?url=${encodeURIComponent(`${baseURL}/ar${SWEIDA}`)}`)).json();
  expect(oembed).toMatchObject({ lang: "ar", title: "تبادل الأسرى في السويداء: دمشق والشيخ حكمت الهجري" });

  await page.goto(`/ar${SWEIDA}`);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd).toMatchObject({
    inLanguage: "ar",
    headline: "تبادل الأسرى في السويداء: دمشق والشيخ حكمت الهجري",
  });
  expect(jsonLd.description).toMatch(/^محادثات\. /);
  expect(jsonLd.liveBlogUpdate.map((u: { inLanguage: string }) => u.inLanguage)).toContain("ar");
});

test("the Arabic share image is its own PNG, cached and validated like the English one", async ({
  page,
  request,
}, testInfo) => {
  const imageOf = async (path: string) => {
    await page.goto(path);
    const url = new URL((await page.locator('meta[property="og:image"]').first().getAttribute("content"))!);
    return url.pathname + url.search;
  };
  const arabicPath = await imageOf(`/ar${SWEIDA}`);
  expect(arabicPath).toContain(`/ar${SWEIDA}/opengraph-image`);
  const [english, arabic] = [await request.get(await imageOf(SWEIDA)), await request.get(arabicPath)];
  for (const image of [english, arabic]) {
    expect(image.status()).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/png");
  }
  const png = await arabic.body();
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  expect(png.equals(await english.body())).toBe(false);
  expect(arabic.headers()["cache-control"]).toBe(english.headers()["cache-control"]);
  expect(Boolean(arabic.headers()["etag"])).toBe(Boolean(english.headers()["etag"]));
  if (arabic.headers()["etag"]) {
    const again = await request.get(arabicPath, { headers: { "If-None-Match": arabic.headers()["etag"]! } });
    expect(again.status()).toBe(304);
  }
  await testInfo.attach("arabic-share-image", { body: png, contentType: "image/png" });
});

// The Arabic home, negotiation and 404 pages pass the same axe run in light and dark in
// arabic-pages.spec.ts and arabic-negotiation-page.spec.ts; the embed is checked here.
for (const [name, path] of [["embed", `/embed${SWEIDA}?lang=ar`]] as const) {
  test(`axe finds no violations on the Arabic ${name} page in light and dark mode`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page, { colourOnly: colorScheme === "dark" }), colorScheme).toEqual([]);
    }
  });
}
