import { createServer, type Server } from "node:http";
import { expect, test } from "@playwright/test";

// A news site on another origin. It is a real server on loopback: Chromium's
// local-network checks block a public (or intercepted) page from framing a local one.
let newsSite: Server;
let articleHtml = "";
test.beforeAll(async () => {
  newsSite = createServer((_request, response) =>
    response.writeHead(200, { "Content-Type": "text/html" }).end(articleHtml),
  );
  await new Promise<void>((resolve) => newsSite.listen(4555, "127.0.0.1", resolve));
});
test.afterAll(() => new Promise<void>((resolve) => newsSite.close(() => resolve())));

test("the terms card embeds in an article on another site and sizes itself", async ({ page, request, baseURL }) => {
  const oembed = await request.get(
    `/api/oembed?url=${encodeURIComponent(`${baseURL}/negotiations/sweida-prisoner-exchange`)}`,
  );
  expect(oembed.ok()).toBe(true);
  const { html } = await oembed.json();
  articleHtml = `<!doctype html><html><body><h1>An article</h1>${html}</body></html>`;
  await page.goto("http://localhost:4555/article");
  const frame = page.frameLocator("iframe[data-parley-embed]");
  await expect(frame.getByText("61 civilians")).toBeVisible();
  await expect(frame.getByText("Sources and full timeline on Parley")).toBeVisible();
  // The card reported its height and the host resized the iframe to fit.
  await expect
    .poll(async () => Number(await page.locator("iframe[data-parley-embed]").getAttribute("height")))
    .not.toBe(280);
});
