import { describe, expect, it } from "vitest";
import { leavesOrigin, redirectPayloads } from "@/tests/security/redirect-payloads";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallbackUrl("/admin/users")).toBe("/admin/users");
    expect(safeCallbackUrl("/editor?tab=drafts#top")).toBe("/editor?tab=drafts#top");
    expect(safeCallbackUrl(["/account/password", "/x"])).toBe("/account/password");
  });

  it("refuses anything that could leave the site or loop", () => {
    for (const hostile of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/%09/evil.example",
      "/\n/evil.example",
      "javascript:alert(1)",
      "evil",
      "/sign-in?callbackUrl=/sign-in",
      "/api/auth/signout",
    ]) {
      const result = safeCallbackUrl(hostile);
      expect(new URL(result, "https://parley.example").origin, hostile).toBe("https://parley.example");
      expect(result === "/editor" || !result.startsWith("//"), hostile).toBe(true);
    }
    expect(safeCallbackUrl("/\t/evil.example")).toBe("/editor");
    expect(safeCallbackUrl("/sign-in")).toBe("/editor");
    expect(safeCallbackUrl(undefined, "/")).toBe("/");
  });
});

describe("safeCallbackUrl against known open-redirect payloads", () => {
  const origin = "https://parley.example";

  it.each(redirectPayloads)("keeps %j on the site, also once a browser resolves it", (payload) => {
    const target = safeCallbackUrl(payload);
    expect(target.startsWith("/"), target).toBe(true);
    expect(target.startsWith("//") || target.startsWith("/\\"), target).toBe(false);
    expect(leavesOrigin(target, origin), target).toBe(false);
    // What a browser does with a Location header or router.replace: parse against the current page.
    expect(new URL(target, `${origin}/sign-in`).origin).toBe(origin);
    expect(safeCallbackUrl(target)).toBe(target);
  });

  it("refuses the reported dot-segment tricks outright", () => {
    for (const payload of ["/.//evil.example/phish", "/..//evil.example/phish", "/%2e//evil.example/phish"])
      expect(safeCallbackUrl(payload)).toBe("/editor");
  });

  it("has a corpus of at least 30 payloads", () => {
    expect(redirectPayloads.length).toBeGreaterThanOrEqual(30);
  });
});
