import { describe, expect, it } from "vitest";
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
