// Open redirects after sign-in: every known trick in redirect-payloads.ts, given as
// the sign-in page's callbackUrl, must leave the visitor on Parley's own origin, both
// when the page redirects a signed-in visitor (HTTP Location) and when the sign-in
// form sends the browser on after a real sign-in in Chromium.
import { chromium, type Browser } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { HttpSession } from "../harness/staff-client";
import { leavesOrigin, redirectPayloads } from "./redirect-payloads";
import { record } from "./tally";

const baseUrl = inject("baseUrl");
const staff = inject("staff");
const origin = new URL(baseUrl).origin;
const signInPage = (payload: string) => `/sign-in?callbackUrl=${encodeURIComponent(payload)}`;

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
});

describe("redirects after sign-in", () => {
  it("the sign-in page redirects a signed-in visitor only within the site", async () => {
    const session = await new HttpSession(baseUrl).signIn(staff.journalist);
    const offsite: string[] = [];
    const serverErrors: string[] = [];
    for (const payload of redirectPayloads) {
      const response = await session.fetch(signInPage(payload));
      await response.arrayBuffer();
      if (response.status >= 500) serverErrors.push(payload);
      const location = response.headers.get("location");
      if (location !== null && (leavesOrigin(location, `${baseUrl}/sign-in`) || /^[/\\]{2}/.test(location)))
        offsite.push(`${JSON.stringify(payload)} → ${location}`);
    }
    record({
      redirectPayloads: redirectPayloads.length,
      offsiteRedirects: offsite.length,
      serverErrors: serverErrors.length,
    });
    expect(offsite).toEqual([]);
    expect(serverErrors).toEqual([]);
  });

  it("after a real sign-in in Chromium, the form sends the browser only within the site", async () => {
    const offsite: string[] = [];
    let current = "";
    // One context for every payload (its cookies cleared in between): a fresh one per
    // payload would reload every script and take minutes on a busy machine.
    const context = await browser.newContext({ baseURL: baseUrl });
    try {
      // Any request leaving the origin is what an open redirect looks like from the
      // browser: count it and never let it out (the machine is offline anyway).
      await context.route("**/*", async (route) => {
        const url = route.request().url();
        if (new URL(url).origin === origin) return route.continue();
        offsite.push(`${JSON.stringify(current)} → ${url}`);
        return route.abort();
      });
      const page = await context.newPage();
      // A javascript: target would run script instead of navigating.
      page.on("dialog", (dialog) => {
        offsite.push(`${JSON.stringify(current)} → dialog ${dialog.message()}`);
        void dialog.dismiss();
      });
      for (const payload of redirectPayloads) {
        current = payload;
        await context.clearCookies();
        await page.goto(signInPage(payload));
        // Submit only once React has hydrated the form, so its handler runs rather than a plain
        // GET. ("networkidle" is not a signal: prefetches and refreshes can keep it from coming.)
        await page.waitForFunction(() => {
          const form = document.querySelector("form");
          return form !== null && Object.keys(form).some((key) => key.startsWith("__reactProps"));
        });
        await page.getByLabel("E-mail").fill(staff.journalist.email);
        await page.getByLabel("Password").fill(staff.journalist.password);
        await page.getByRole("button", { name: "Sign in" }).click();
        await page.waitForURL((url) => url.pathname !== "/sign-in", { timeout: 30_000 });
        const landed = page.url();
        if (leavesOrigin(landed, baseUrl)) offsite.push(`${JSON.stringify(payload)} → landed on ${landed}`);
      }
    } finally {
      await context.close();
    }
    record({ redirectPayloads: redirectPayloads.length, offsiteRedirects: offsite.length });
    expect(offsite).toEqual([]);
  }, 900_000);
});
