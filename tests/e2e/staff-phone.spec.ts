// Every staff page fits a 390 px phone (no horizontal scrolling), and at 390 and 1280 px every
// form control stays inside its column (the reported 564 px selects in 233 px columns).
// Pages are found by following the workspace's own links, so the test needs no fixed ids.
import { expect, test, type Page } from "@playwright/test";
import { accounts, signedIn } from "./fixtures";

async function firstHref(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(path);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const found = hrefs.find((href) => pattern.test(href));
  expect(found, `a link matching ${pattern} on ${path}`).toBeTruthy();
  return found!;
}

test("every staff page fits a 390 px phone without horizontal scrolling, and controls fit their columns at 390 and 1280 px", async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
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
    `${negotiation}/developments/quick`,
    `${negotiation}/translations`,
    development,
    "/admin",
    "/admin/sources",
    "/admin/sources/new",
    source,
    "/admin/users",
    "/admin/audit",
    "/admin/jobs",
    "/admin/alerts",
    "/admin/webhooks",
    "/editor/archive",
    "/account/password",
  ];
  const tooWide: string[] = [];
  const overflowing: string[] = [];
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    for (const path of pages) {
      await page.goto(path);
      await expect(page.locator("main")).toBeVisible();
      const { scrollWidth, widest, controls } = await page.evaluate(() => {
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
        // A control wider than the box it sits in spills into the next column.
        const controls: string[] = [];
        for (const control of document.querySelectorAll(
          "main input:not([type=checkbox]):not([type=radio]), main select, main textarea",
        )) {
          const box = control.getBoundingClientRect();
          const parent = control.parentElement?.getBoundingClientRect();
          if (box.width > 0 && parent && box.right > parent.right + 1)
            controls.push(
              `${control.tagName.toLowerCase()}#${control.id} ${Math.round(box.width)} px in ${Math.round(parent.width)} px`,
            );
        }
        return { scrollWidth: document.documentElement.scrollWidth, widest, controls };
      });
      if (width === 390 && scrollWidth > 390) tooWide.push(`${path}: ${scrollWidth} px wide, widest ${widest}`);
      for (const control of controls) overflowing.push(`${width} px ${path}: ${control}`);
      await testInfo.attach(`${width}px ${path}`, {
        body: await page.screenshot({ fullPage: width === 390 }),
        contentType: "image/png",
      });
    }
  }
  expect(tooWide).toEqual([]);
  expect(overflowing).toEqual([]);
});
