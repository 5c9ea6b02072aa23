import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import {
  obligationText,
  phaseTitle,
  progressText,
  sumText,
  type ReaderWords,
  type TermsTranslator,
} from "./reader-words";

const words = (locale: "en" | "ar"): ReaderWords => ({
  locale,
  t: createTranslator({
    locale,
    messages: locale === "ar" ? ar : en,
    namespace: "pageTerms",
  }) as unknown as TermsTranslator,
});

describe("reader words", () => {
  it("say counts as the English page always did", () => {
    const w = words("en");
    expect(obligationText(w, { kind: "EXACT", value: 61 }, "CIVILIANS")).toBe("61 civilians");
    expect(obligationText(w, { kind: "EXACT", value: 1 }, "HOSTAGES")).toBe("1 hostage");
    expect(obligationText(w, { kind: "APPROXIMATE", qualifier: "ABOUT", value: 1900 }, "DETAINEES")).toBe(
      "about 1,900 detainees",
    );
    expect(obligationText(w, { kind: "UNKNOWN", wording: "dozens" }, "FIGHTERS")).toBe("dozens of fighters");
    expect(obligationText(w, null, "CIVILIANS")).toBe("an unknown number of civilians");
    expect(
      progressText(w, {
        released: { total: { kind: "EXACT", value: 270 }, unknown: [] },
        agreed: { total: { kind: "EXACT", value: 880 }, unknown: [] },
        moreThanAgreed: false,
      }),
    ).toBe("270 of 880");
    expect(sumText(w, { total: { kind: "EXACT", value: 61 }, unknown: ["dozens"] })).toBe("61 and dozens more");
  });

  it("agree Arabic counted nouns with the number (one, two, few, many, other)", () => {
    const w = words("ar");
    const civilians = (value: number) => obligationText(w, { kind: "EXACT", value }, "CIVILIANS");
    expect(civilians(1)).toBe("مدني واحد");
    expect(civilians(2)).toBe("مدنيان");
    expect(civilians(3)).toBe("3 مدنيين");
    expect(civilians(61)).toBe("61 مدنيًا");
    expect(civilians(100)).toBe("100 مدني");
    expect(obligationText(w, { kind: "APPROXIMATE", qualifier: "ABOUT", value: 1900 }, "DETAINEES")).toBe(
      "نحو 1,900 معتقل",
    );
    expect(obligationText(w, { kind: "EXACT", value: 8 }, "REMAINS")).toBe("رفات 8 أشخاص");
    expect(obligationText(w, { kind: "UNKNOWN", wording: "Dozens" }, "FIGHTERS")).toBe("عشرات المقاتلين");
    expect(obligationText(w, { kind: "UNKNOWN", wording: "the remaining living hostages" }, "HOSTAGES")).toBe(
      "عدد غير محدد من الرهائن",
    );
    expect(phaseTitle(w, { name: "Phase 2", number: 2 })).toEqual({ text: "المرحلة 2", english: false });
    expect(phaseTitle(w, { name: "Hostages first", number: 1 })).toEqual({ text: "Hostages first", english: true });
  });
});
