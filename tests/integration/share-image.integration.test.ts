// Share images are drawn with bundled fonts only: next/og would otherwise fetch
// Google Fonts (or an emoji image) for any character its default font lacks.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import Image from "@/app/[locale]/(public)/negotiations/[slug]/opengraph-image";
import { db } from "@/lib/db/client";
import { drawableText } from "@/lib/share-image/drawable-text";
import { createNegotiation, translateNegotiationTitle } from "@/seeds/factories";

const realFetch = globalThis.fetch;
let outbound: string[] = [];

beforeEach(() => {
  outbound = [];
  // Not a stand-in: every call still goes to the real fetch; this only records it.
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    // next/og loads its own WebAssembly through data: URLs; anything else would leave the machine.
    if (!url.startsWith("data:")) outbound.push(url);
    return realFetch(input, init);
  }) as typeof fetch;
});

afterEach(() => {
  globalThis.fetch = realFetch;
});

async function render(slug: string, locale?: string) {
  const started = performance.now();
  const response = await Image({ params: Promise.resolve({ slug, locale }) });
  const png = Buffer.from(await response.arrayBuffer());
  return {
    png,
    ms: performance.now() - started,
    type: response.headers.get("content-type"),
    headers: response.headers,
  };
}

describe("share images", () => {
  it("draw Arabic, accented Latin and bold text with the bundled fonts, fetching nothing", async () => {
    const { negotiation, sideA, sideB } = await createNegotiation(db(), {
      title: "Ṣafqat al-asrā · صفقة الأسرى — Ḥikmat al-Hijrī",
    });
    await db().actor.update({ where: { id: sideA.id }, data: { name: "حكمت الهجري", shortName: null } });
    await db().actor.update({ where: { id: sideB.id }, data: { name: "Łódź Žabljak Ørsted", shortName: null } });
    await render(negotiation.slug); // fonts are read once per process
    const { png, ms, type } = await render(negotiation.slug);
    expect(outbound).toEqual([]);
    expect(type).toBe("image/png");
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
    expect(ms).toBeLessThan(5_000);
  });

  it("replaces what no bundled font draws (emoji, CJK) instead of fetching a font for it", async () => {
    const { negotiation, sideA } = await createNegotiation(db(), { title: "Talks 🕊 和平 \u202Ebidi\u202C ok" });
    await db().actor.update({ where: { id: sideA.id }, data: { name: "Gruppe 😀 中文", shortName: null } });
    const { png } = await render(negotiation.slug);
    expect(outbound).toEqual([]);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(drawableText("Talks 🕊 和平 \u202Ebidi\u202C ok", [[0x20, 0x7e]])).toBe("Talks ? ?? bidi ok");
  });

  it("draw the Arabic card with the translated title and Arabic names: a PNG of the same size and headers, unlike the English", async () => {
    const { negotiation, sideA } = await createNegotiation(db(), { title: "Harbour talks" });
    await translateNegotiationTitle(db(), negotiation, "محادثات الميناء");
    await db().actorAlias.create({ data: { actorId: sideA.id, name: "الطرف الأول", language: "ar" } });
    const english = await render(negotiation.slug, "en");
    const arabic = await render(negotiation.slug, "ar");
    expect(outbound).toEqual([]);
    expect(arabic.type).toBe("image/png");
    expect(arabic.png.subarray(1, 4).toString()).toBe("PNG");
    expect([arabic.png.readUInt32BE(16), arabic.png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(arabic.png.equals(english.png)).toBe(false);
    // The same caching as the English card (Next adds the validator to both when it serves them).
    expect(Object.fromEntries(arabic.headers)).toEqual(Object.fromEntries(english.headers));
    // The English card is drawn as before the Arabic one existed: no locale and "en" give the same image.
    expect((await render(negotiation.slug)).png.equals(english.png)).toBe(true);
  });
});
