import { describe, expect, it } from "vitest";
import { apiLanguage, inLanguage, negotiateLanguage } from "./language";

describe("read API language", () => {
  it("takes the highest-weighted language Parley has from Accept-Language, English otherwise", () => {
    expect(negotiateLanguage(null)).toBe("en");
    expect(negotiateLanguage("ar-SY,ar;q=0.9,en;q=0.8")).toBe("ar");
    expect(negotiateLanguage("fr-FR, en;q=0.5, ar;q=0.7")).toBe("ar");
    expect(negotiateLanguage("ar;q=0, en")).toBe("en");
    expect(negotiateLanguage("de, fr")).toBe("en");
  });

  it("lets ?lang win over the header, and marks only header-chosen answers as varying", () => {
    const request = new Request("https://parley.example/api/v1/negotiations", {
      headers: { "Accept-Language": "ar" },
    });
    expect(apiLanguage(request, "en")).toEqual({ locale: "en", negotiated: false });
    expect(apiLanguage(request, undefined)).toEqual({ locale: "ar", negotiated: true });
  });

  it("replaces each localized field by its text and says which language it is in", () => {
    const view = {
      title: "Talks",
      localized: { title: { text: "محادثات", lang: "ar" } },
      items: [{ note: "Fixed", localized: { note: { text: "Fixed", lang: "en" } } }],
    };
    expect(inLanguage(view)).toEqual({
      title: "محادثات",
      languages: { title: "ar" },
      items: [{ note: "Fixed", languages: { note: "en" } }],
    });
  });
});
