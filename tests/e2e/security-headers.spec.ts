import { expect, test } from "@playwright/test";

test("pages carry a nonce-based Content-Security-Policy and the other security headers", async ({ request }) => {
  const first = await request.get("/");
  const second = await request.get("/");
  const policy = first.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).not.toContain("'unsafe-inline' 'nonce");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toBe(second.headers()["content-security-policy"]);
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  expect(first.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(first.headers()["x-frame-options"]).toBe("DENY");
  expect(first.headers()["permissions-policy"]).toContain("camera=()");
});

test("the app runs under its policy: no violations, and client code still works", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/negotiations/sweida-prisoner-exchange");
  await page.goto("/sign-in");
  // Client-side validation only appears if the page's scripts ran.
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your e-mail address.")).toBeVisible();
  expect(violations).toEqual([]);
});
