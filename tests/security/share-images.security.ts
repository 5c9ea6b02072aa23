// Share cards: the og:image/twitter:image addresses a page advertises must use the
// configured public origin (not Next.js's http://localhost:<port> fallback), and the
// images must render from bundled fonts, quickly, on a machine without internet.
import { describe, expect, inject, it } from "vitest";
import { fetchRaw } from "./crawl";
import { record } from "./tally";

const baseUrl = inject("baseUrl");

describe("share images", () => {
  it("are advertised at the configured public origin and render without fetching fonts", async () => {
    const page = (await fetchRaw(`${baseUrl}/negotiations/sweida-prisoner-exchange`)).body.toString("utf8");
    const images = [...page.matchAll(/<meta (?:property|name)="(?:og|twitter):image" content="([^"]+)"/g)].map(
      (match) => match[1]!.replaceAll("&amp;", "&"),
    );
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const image of images) {
      expect(new URL(image).origin, image).toBe(new URL(baseUrl).origin);
      const started = performance.now();
      const response = await fetchRaw(image);
      expect(response.status, image).toBe(200);
      expect(response.body.subarray(1, 4).toString(), image).toBe("PNG");
      // A render waiting on an unreachable font server would take far longer than this.
      expect(performance.now() - started, image).toBeLessThan(10_000);
    }
    record({ endpoints: images.length, serverErrors: 0 });
  });
});
