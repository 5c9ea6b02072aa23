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

describe("Arabic alert message", () => {
  const arabicNegotiation = {
    ...negotiation("a", "محادثات <مسقط>"),
    url: "https://parley.example/ar/negotiations/a",
    languages: { title: "ar" },
  };
  const items: AlertItem[] = [
    {
      type: "development.published",
      data: {
        negotiation: arabicNegotiation,
        development: {
          id: "d1",
          title: "عبرت الحافلات",
          summary: `Not translated <script>x</script> & "more"`,
          occurredOn: "2026-03-01",
          occurredPrecision: "DAY",
          languages: { title: "ar", summary: "en" },
        },
      },
    },
    {
      type: "terms.published",
      data: { negotiation: arabicNegotiation, terms: { number: 2, status: "AGREED", summary: "Ten for ten" } },
    },
    { type: "stage.changed", data: { negotiation: { ...negotiation("b", "Beta"), stage: "AGREEMENT" } } },
  ];
  const message = alertMessage(items, "https://parley.example/ar/follow/unsubscribe?token=a&b", "ar");

  it("reads right to left, with catalog words, locale dates and Arabic plurals", () => {
    expect(message.subject).toBe("3 تحديثات في مفاوضتين");
    expect(message.html.startsWith('<!doctype html><html lang="ar" dir="rtl">')).toBe(true);
    expect(message.text).toContain("تطور جديد: عبرت الحافلات");
    expect(message.text).toContain("1 مارس 2026");
    expect(message.text).toContain("نُشرت الشروط: النسخة 2 (متفق عليها)");
    expect(message.text).toContain("المرحلة الآن: اتفاق");
    expect(message.html).toContain('href="https://parley.example/ar/follow/unsubscribe?token=a&amp;b"');
    expect(message.text).toContain("إلغاء الاشتراك (بنقرة واحدة): https://parley.example/ar/follow/unsubscribe");
  });

  it("marks English text and escapes every value, Arabic or English", () => {
    expect(message.html).toContain("<h2>محادثات &lt;مسقط&gt;</h2>");
    expect(message.html).toContain(
      '<span lang="en" dir="ltr">Not translated &lt;script&gt;x&lt;/script&gt; &amp; &quot;more&quot;</span> (النص بالإنجليزية)',
    );
    expect(message.html).not.toContain("<script>");
    // Terms summaries have no translation: always the English, noted.
    expect(message.text).toContain("Ten for ten (النص بالإنجليزية)");
    // A negotiation whose title has no Arabic yet.
    expect(message.text).toContain("Beta (النص بالإنجليزية)");
  });
});
