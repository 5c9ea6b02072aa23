// Reader data in Arabic (fallback to English, outdated translations still shown, actors' Arabic
// names), the bilingual search with Arabic spelling folded, and the read API's language choice.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getDevelopments } from "@/app/api/v1/negotiations/[slug]/developments/route";
import { GET as getNegotiation } from "@/app/api/v1/negotiations/[slug]/route";
import { GET as listNegotiations } from "@/app/api/v1/negotiations/route";
import { developmentPageSchema, negotiationListSchema, negotiationSchema } from "@/lib/api/schemas";
import { listPublishedNegotiations } from "@/lib/data/negotiations";
import { getPublicSource } from "@/lib/data/reader/entities";
import { getPublishedNegotiation } from "@/lib/data/reader/negotiation";
import { getTimelinePage } from "@/lib/data/reader/timeline";
import { db } from "@/lib/db/client";
import { normalizeForSearch } from "@/lib/search/arabic-normalize";
import { createNegotiation } from "@/seeds/factories";
import { runSeed } from "@/seeds/run";

const SWEIDA = "sweida-prisoner-exchange";
const request = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://parley.test/api/v1${path}`, { headers });
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });

beforeAll(async () => {
  await runSeed(db(), { includeDevelopmentStaff: false });
});

describe("reader data in Arabic", () => {
  it("gives the seeded Sweida case in Arabic, with the English kept and actors' Arabic names", async () => {
    const ar = (await getPublishedNegotiation(SWEIDA, "ar"))!;
    expect(ar.title).toMatch(/^Sweida prisoner exchange/);
    expect(ar.localized.title).toEqual({ text: expect.stringContaining("السويداء"), lang: "ar" });
    expect(ar.phases[0]!.current!.obligations.map((o) => o.localized.description.lang)).toEqual(["ar", "ar"]);
    const hijri = ar.participants.find((p) => p.actor.slug === "hikmat-al-hijri")!;
    expect(hijri.actor.localized).toEqual({ name: { text: "حكمت الهجري", lang: "ar" } });
    const en = (await getPublishedNegotiation(SWEIDA))!;
    expect(en.localized.title).toEqual({ text: en.title, lang: "en" });
  });

  it("falls back to English marked lang en, and keeps showing a translation whose English changed", async () => {
    const { negotiation } = await createNegotiation(db(), { title: "Harbour talks", summary: "Two ports." });
    await db().contentTranslation.create({
      data: {
        field: "NEGOTIATION_TITLE",
        entityId: negotiation.id,
        locale: "ar",
        text: "محادثات الميناء",
        originalHash: "0".repeat(64), // made for an earlier English title: outdated
      },
    });
    const view = (await getPublishedNegotiation(negotiation.slug, "ar"))!;
    expect(view.localized.title).toEqual({ text: "محادثات الميناء", lang: "ar" });
    expect(view.localized.summary).toEqual({ text: "Two ports.", lang: "en" });
  });

  it("localizes the timeline: titles, summaries and corrections", async () => {
    const page = await getTimelinePage(SWEIDA, "newest", 1, "ar");
    const talks = page.items.find((d) => d.title === "US-mediated prisoner swap talks reported")!;
    expect(talks.localized.title.lang).toBe("ar");
    expect(talks.localized.summary.text).toContain("61");
  });

  it("gives a source page its Arabic description and the Arabic titles of what cites it", async () => {
    const afp = (await getPublicSource("afp", "ar"))!;
    expect(afp.localized.publicDescription).toEqual({ text: "وكالة أنباء دولية مقرها باريس.", lang: "ar" });
    const sweida = afp.citedIn.find((c) => c.negotiation.slug === SWEIDA)!;
    expect(sweida.negotiation.title).toMatch(/^Sweida prisoner exchange/);
    expect(sweida.negotiation.localized.title).toEqual({ text: expect.stringContaining("السويداء"), lang: "ar" });
    expect(sweida.localized.title.lang).toBe("ar");
    const english = (await getPublicSource("afp"))!.citedIn.find((c) => c.negotiation.slug === SWEIDA)!;
    expect(english.negotiation.localized.title).toEqual({ text: english.negotiation.title, lang: "en" });
  });
});

describe("search in English and Arabic", () => {
  it("finds the Sweida case however السويداء is typed", async () => {
    for (const typed of ["السويداء", "السويدا", "الســويداء", "السُّوَيْداء", "ٱلسويداء", "sweida", "SWEIDA"]) {
      const { items } = await listPublishedNegotiations("all", typed, 1, "ar");
      expect(
        items.map((n) => n.slug),
        typed,
      ).toContain(SWEIDA);
    }
    const { items } = await listPublishedNegotiations("all", "الهجري", 1, "ar");
    expect(items.find((n) => n.slug === SWEIDA)!.localized.title.lang).toBe("ar");
    expect((await listPublishedNegotiations("all", "لا يوجد شيء كهذا", 1)).items).toEqual([]);
  });

  it("folds taa marbuta, alef maqsura and Arabic-Indic digits, in SQL exactly as in TypeScript", async () => {
    const samples = ["حكومة", "مستشفى", "٦١ مدنياً", "أإآٱ", "السُّوَيْـداء", "Sweida ۳۰"];
    const rows = await db().$queryRaw<Array<{ folded: string }>>`
      SELECT parley_search_fold(s) AS folded FROM unnest(${samples}::text[]) WITH ORDINALITY AS t(s, i) ORDER BY i`;
    expect(rows.map((r) => r.folded)).toEqual(samples.map(normalizeForSearch));
    // Taa marbuta typed as haa (the actor's Arabic name), alef maqsura for yaa, Arabic-Indic
    // digits for the Latin ones the seeded Arabic summary uses.
    for (const typed of ["الحكومه السوريه", "الحرس الوطنى", "يوليو ٢٠٢٥"])
      expect(
        (await listPublishedNegotiations("all", typed, 1)).items.map((n) => n.slug),
        typed,
      ).toContain(SWEIDA);
  });
});

describe("read API language", () => {
  it("answers ?lang=ar in Arabic, says so, and does not vary by header", async () => {
    const response = await getNegotiation(
      request(`/negotiations/${SWEIDA}?lang=ar`, { "Accept-Language": "en" }),
      params(SWEIDA),
    );
    expect(response.headers.get("content-language")).toBe("ar");
    expect(response.headers.get("vary")).toBe("Accept-Encoding");
    const body = negotiationSchema.parse(await response.json());
    expect(body.title).toContain("السويداء");
    expect(body.languages).toEqual({ title: "ar", summary: "ar" });
    expect(body.currentTerms!.obligations[0]!.languages).toEqual({ description: "ar" });
  });

  it("uses Accept-Language without ?lang, and then varies by it", async () => {
    const response = await listNegotiations(
      request("/negotiations?q=السويدا", { "Accept-Language": "ar-SY, en;q=0.5" }),
    );
    expect(response.headers.get("content-language")).toBe("ar");
    expect(response.headers.get("vary")).toBe("Accept-Encoding, Accept-Language");
    const body = negotiationListSchema.parse(await response.json());
    expect(body.items.map((n) => [n.slug, n.languages.title])).toEqual([[SWEIDA, "ar"]]);

    const english = await getDevelopments(request(`/negotiations/${SWEIDA}/developments`), params(SWEIDA));
    expect(english.headers.get("content-language")).toBe("en");
    const page = developmentPageSchema.parse(await english.json());
    expect(page.items.every((d) => d.languages.title === "en")).toBe(true);
  });

  it("refuses a language it does not have", async () => {
    const response = await getNegotiation(request(`/negotiations/${SWEIDA}?lang=fr`), params(SWEIDA));
    expect(response.status).toBe(400);
  });
});
