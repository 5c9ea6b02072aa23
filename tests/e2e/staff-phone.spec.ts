// Every staff page fits a 390 px phone: no horizontal scrolling, controls inside their columns.
// Pages are found by following the workspace's own links, so the test needs no fixed ids.
import { expect, test, type Page } from "@playwright/test";
import { accounts, signedIn } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 } });

async function firstHref(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(path);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const found = hrefs.find((href) => pattern.test(href));
  expect(found, `a link matching ${pattern} on ${path}`).toBeTruthy();
  return found!;
}

test("every staff page fits a 390 px phone without horizontal scrolling", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signedIn(page, accounts.admin);
  const negotiation = await firstHref(page, "/editor", /^\/editor\/negotiations\/[0-9a-f-]{36}$/);
  const development = await firstHref(page, negotiation, /^\/editor\/developments\/[0-9a-f-]{36}$/);
  const source = await firstHref(page, "/admin/sources", /^\/admin\/sources\/[0-9a-f-]{36}$/);
  const pages = [
    "/editor",
    "/editor/negotiations/new",
    negotiation,
    `${negotiation}/preview`,
    `${negotiation}/terms/new`,
    `${negotiation}/developments/new`,
    development,
    "/admin",
    "/admin/sources",
    "/admin/sources/new",
    source,
    "/admin/users",
    "/admin/audit",
    "/account/password",
  ];
  const tooWide: string[] = [];
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    const { scrollWidth, widest } = await page.evaluate(() => {
      // The element reaching furthest right names the culprit when the page is too wide.
      let widest = "";
      let right = 0;
      for (const element of document.querySelectorAll("body *")) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && box.right > right) {
          right = box.right;
          widest = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""} (${Math.round(box.right)} px)`;
        }
      }
      return { scrollWidth: document.documentElement.scrollWidth, widest };
    });
    if (scrollWidth > 390) tooWide.push(`${path}: ${scrollWidth} px wide, widest ${widest}`);
    await testInfo.attach(`390px ${path}`, {
      body: await page.screenshot({ fullPage: true }),
      contentType: "image/png",
    });
  }
  expect(tooWide).toEqual([]);
});
