import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "./proxy";

const request = (path: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(`http://parley.test${path}`, { headers: { host: "parley.test", ...headers } }));

describe("proxy", () => {
  it("sends visitors without a session from staff addresses to sign in, share-image look-alikes included", async () => {
    for (const path of ["/editor", "/editor/opengraph-image", "/admin/x/twitter-image", "/account/opengraph-image-1"]) {
      const response = await request(path);
      expect(response.status, path).toBe(307);
      expect(new URL(response.headers.get("location")!).pathname, path).toBe("/sign-in");
    }
  });

  it("gives every page its policy; only a negotiation's share images go without a nonce", async () => {
    const image = await request("/negotiations/sweida/opengraph-image");
    expect(image.headers.get("content-security-policy")).toBeNull();
    expect((await request("/negotiations/sweida/twitter-image-x1")).headers.get("content-security-policy")).toBeNull();
    for (const path of ["/about/opengraph-image", "/negotiations/sweida/opengraph-image/extra", "/opengraph-image"]) {
      expect((await request(path)).headers.get("content-security-policy"), path).toContain("nonce-");
    }
  });

  it("marks an anonymous public page or share image as shared, and signed-in or staff answers private, no-store", async () => {
    for (const path of ["/negotiations/sweida", "/negotiations/sweida/opengraph-image-x1", "/sitemap.xml"]) {
      expect((await request(path)).headers.get("cache-control"), path).toMatch(
        /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+, stale-if-error=\d+$/,
      );
    }
    const staff = await request("/negotiations/sweida", { cookie: "next-auth.session-token=x" });
    expect(staff.headers.get("cache-control")).toBe("private, no-store");
    expect((await request("/sign-in")).headers.get("cache-control")).toBe("private, no-store");
  });

  it("maps reader addresses onto app/[locale] by the URL alone: Accept-Language never redirects or varies", async () => {
    const english = await request("/negotiations/sweida", { "accept-language": "ar,en;q=0.5" });
    expect(english.status).toBe(200);
    expect(new URL(english.headers.get("x-middleware-rewrite")!).pathname).toBe("/en/negotiations/sweida");
    const arabic = await request("/ar/negotiations/sweida");
    // Already the internal path: passed on as is, with the locale and the nonce for the page.
    expect(arabic.headers.get("x-middleware-rewrite")).toBeNull();
    expect(arabic.headers.get("x-middleware-request-x-next-intl-locale")).toBe("ar");
    expect(arabic.headers.get("x-middleware-request-x-nonce")).toBeTruthy();
    for (const response of [english, arabic, await request("/ar")]) {
      expect(response.headers.get("set-cookie")).toBeNull();
      expect(response.headers.get("vary") ?? "").not.toMatch(/accept-language/i);
      expect(response.headers.get("cache-control")).toMatch(/^public, /);
      expect(response.headers.get("content-security-policy")).toContain("nonce-");
    }
    // The default locale has one address: /en/… redirects to the unprefixed one.
    const prefixed = await request("/en/developers");
    expect(prefixed.status).toBe(307);
    expect(new URL(prefixed.headers.get("location")!).pathname).toBe("/developers");
  });

  it("leaves staff areas, the API, embeds and sign-in outside the language tree", async () => {
    for (const path of ["/sign-in", "/api/v1/negotiations", "/embed/negotiations/sweida", "/sitemap.xml"]) {
      expect((await request(path)).headers.get("x-middleware-rewrite"), path).toBeNull();
    }
  });
});
