import { describe, expect, it } from "vitest";
import { alertMessage, type AlertItem } from "./alert-message";

const negotiation = (slug: string, title: string) => ({
  slug,
  title,
  stage: "TALKS" as const,
  url: `https://parley.example/negotiations/${slug}`,
});

describe("alert message", () => {
  it("escapes every value in the HTML part and keeps the text part plain", () => {
    const items: AlertItem[] = [
      {
        type: "development.published",
        data: {
          negotiation: negotiation("a", `Talks <script>alert(1)</script>`),
          development: { id: "d1", title: `"Quoted" & <b>bold</b>`, summary: "x < y", occurredOn: "2026-03-01" },
        },
      },
    ];
    const message = alertMessage(items, "https://parley.example/follow/unsubscribe?token=a&b");
    expect(message.html).not.toContain("<script>");
    expect(message.html).toContain("&lt;script&gt;");
    expect(message.html).toContain("&quot;Quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;");
    expect(message.html).toContain('href="https://parley.example/follow/unsubscribe?token=a&amp;b"');
    expect(message.text).toContain(`New development: "Quoted" & <b>bold</b>`);
    expect(message.text).toContain("https://parley.example/negotiations/a#development-d1");
  });

  it("groups several negotiations into one message", () => {
    const items: AlertItem[] = [
      { type: "stage.changed", data: { negotiation: negotiation("a", "Alpha") } },
      { type: "stage.changed", data: { negotiation: negotiation("b", "Beta") } },
      {
        type: "terms.published",
        data: {
          negotiation: negotiation("a", "Alpha"),
          terms: { number: 2, status: "AGREED", summary: "Ten for ten" },
        },
      },
    ];
    const message = alertMessage(items, "https://parley.example/u");
    expect(message.subject).toBe("3 updates on 2 negotiations");
    expect(message.text.indexOf("Alpha")).toBeLessThan(message.text.indexOf("Beta"));
    expect(message.text).toContain("Terms published: version 2 (Agreed)");
  });
});
