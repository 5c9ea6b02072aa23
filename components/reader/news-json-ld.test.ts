import { describe, expect, it } from "vitest";
import type { DevelopmentView, NegotiationView } from "@/lib/data/reader/types";
import { newsJsonLdData } from "./news-json-ld";

const negotiation = {
  title: "Harbour talks",
  summary: "Two ports.",
  localized: { title: { text: "محادثات الميناء", lang: "ar" }, summary: { text: "ميناءان.", lang: "ar" } },
  stage: "TALKS",
  region: "Coast",
  country: "Nowhere",
  publishedAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-02T00:00:00.000Z",
  phases: [],
} as unknown as NegotiationView;

const development = (id: string, title: [string, "en" | "ar"], summary: [string, "en" | "ar"]) =>
  ({
    id,
    title: "English title",
    summary: "English summary.",
    localized: { title: { text: title[0], lang: title[1] }, summary: { text: summary[0], lang: summary[1] } },
    transfers: [],
    publishedAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
  }) as unknown as DevelopmentView;

describe("news JSON-LD", () => {
  it("gives the headline and description in the page's language, and each update in its own", () => {
    const data = newsJsonLdData({
      negotiation,
      developments: [
        development("a", ["إفراج", "ar"], ["أُفرج عن عشرة.", "ar"]),
        development("b", ["Talks resume", "en"], ["Both returned.", "en"]),
      ],
      url: "https://p.example/ar/negotiations/harbour",
      inLanguage: "ar",
    });
    expect(data).toMatchObject({
      headline: "محادثات الميناء",
      description: "محادثات. ميناءان.",
      inLanguage: "ar",
      about: { name: "محادثات الميناء" },
    });
    expect(data.liveBlogUpdate.map((u) => [u.headline, u.inLanguage, u.articleBody])).toEqual([
      ["إفراج", "ar", "أُفرج عن عشرة."],
      ["Talks resume", "en", "Both returned."],
    ]);
  });

  it("leaves an untranslated summary out of the Arabic description, and the English page as it was", () => {
    const english = {
      ...negotiation,
      localized: { title: { text: "Harbour talks", lang: "en" }, summary: { text: "Two ports.", lang: "en" } },
    } as NegotiationView;
    expect(newsJsonLdData({ negotiation: english, developments: [], url: "u", inLanguage: "ar" }).description).toBe(
      "محادثات.",
    );
    expect(newsJsonLdData({ negotiation: english, developments: [], url: "u", inLanguage: "en" })).toMatchObject({
      headline: "Harbour talks",
      description: "Talks. Two ports.",
      inLanguage: "en",
    });
  });
});
