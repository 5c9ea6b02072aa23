import { beforeAll, describe, expect, it } from "vitest";
import { GET as oembed } from "@/app/api/oembed/route";
import { GET as embed } from "@/app/embed/negotiations/[slug]/route";
import { db } from "@/lib/db/client";
import { createNegotiation, translateNegotiationTitle } from "@/seeds/factories";
import { runSeed } from "@/seeds/run";

const MARKER = "EMBED-CONFIDENTIAL-77aa";
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
const NOTE = "(النص بالإنجليزية)";
const oembedFor = (url: string) => oembed(new Request(`http://x/api/oembed?url=${encodeURIComponent(url)}`));

beforeAll(async () => {
  await runSeed(db(), { includeDevelopmentStaff: false });
  await db().sourceConfidential.updateMany({ data: { notes: MARKER } });
});

describe("embeddable terms card", () => {
  it("renders the current terms, may be framed anywhere, sets no cookies and runs only its own script", async () => {
    const response = await embed(new Request("http://x"), params("sweida-prisoner-exchange"));
    expect(response.status).toBe(200);
    const policy = response.headers.get("content-security-policy")!;
    expect(policy).toContain("frame-ancestors *");
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(response.headers.get("set-cookie")).toBeNull();
    const html = await response.text();
    expect(html).toContain("61 civilians");
    expect(html).toContain("30 security personnel");
    expect(html).toContain("released 0 of 61");
    expect(html).not.toContain(MARKER);
  });

  it("escapes text and refuses drafts", async () => {
    const { negotiation } = await createNegotiation(db(), { title: `<img src=x onerror=alert(1)> talks` });
    const html = await (await embed(new Request("http://x"), params(negotiation.slug))).text();
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt; talks");
    expect(html).not.toContain("<img src=x");
    const { negotiation: draft } = await createNegotiation(db(), { publication: "DRAFT" });
    expect((await embed(new Request("http://x"), params(draft.slug))).status).toBe(404);
  });

  it("answers oEmbed requests for negotiation URLs with an iframe snippet", async () => {
    const ok = await oembed(
      new Request(
        `http://x/api/oembed?url=${encodeURIComponent("https://parley.example/negotiations/sweida-prisoner-exchange")}`,
      ),
    );
    const body = await ok.json();
    expect(body).toMatchObject({
      version: "1.0",
      type: "rich",
      provider_name: "Parley",
      title: expect.stringContaining("Sweida"),
    });
    expect(body.html).toContain("/embed/negotiations/sweida-prisoner-exchange");
    expect((await oembed(new Request("http://x/api/oembed?url=not-a-url"))).status).toBe(400);
    expect(
      (await oembed(new Request(`http://x/api/oembed?url=${encodeURIComponent("https://parley.example/sources/afp")}`)))
        .status,
    ).toBe(404);
    expect(
      (
        await oembed(
          new Request("http://x/api/oembed?url=https://p.example/negotiations/sweida-prisoner-exchange&format=xml"),
        )
      ).status,
    ).toBe(501);
  });
});

describe("embed and oEmbed in Arabic", () => {
  it("shows the translated title and the actors' Arabic names, right to left, marking the English quantities", async () => {
    const response = await embed(new Request("http://x/embed?lang=ar"), params("sweida-prisoner-exchange"));
    expect(response.headers.get("content-language")).toBe("ar");
    const html = await response.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<h1 dir="auto">تبادل الأسرى في السويداء: دمشق والشيخ حكمت الهجري</h1>');
    expect(html).toContain("<title>تبادل الأسرى في السويداء: دمشق والشيخ حكمت الهجري · بارلي</title>");
    expect(html).toContain(
      '<strong><bdi>الحكومة السورية</bdi> ← <span lang="en" dir="auto">61 civilians</span> ← <bdi>حكمت الهجري</bdi></strong>',
    );
    expect(html).toContain('<small><bdi>الحكومة السورية</bdi>: أُطلق <span lang="en" dir="auto">0 of 61</span></small>');
    expect(html).not.toContain(NOTE);
    expect(html).not.toContain(MARKER);
    expect(html).toMatch(/href="[^"]*\/ar\/negotiations\/sweida-prisoner-exchange"/);
  });

  it("keeps untranslated text in English, marked with the note, and escapes translations", async () => {
    const { negotiation } = await createNegotiation(db(), { title: "Harbour talks" });
    const plain = await (await embed(new Request("http://x/e?lang=ar"), params(negotiation.slug))).text();
    expect(plain).toContain(
      `<h1 dir="auto"><span lang="en" dir="auto">Harbour talks</span> <span class="note">${NOTE}</span></h1>`,
    );
    // The factory's actors have no Arabic names: their English names are marked.
    expect(plain).toMatch(/<strong><bdi lang="en">[^<]+<\/bdi> ← /);
    expect((await (await oembedFor(`https://p.example/ar/negotiations/${negotiation.slug}`)).json()).title).toBe(
      "Harbour talks",
    );

    await translateNegotiationTitle(db(), negotiation, "محادثات <img src=x onerror=alert(1)> الميناء");
    const html = await (await embed(new Request("http://x/e?lang=ar"), params(negotiation.slug))).text();
    expect(html).toContain("محادثات &lt;img src=x onerror=alert(1)&gt; الميناء");
    expect(html).not.toContain("<img src=x");
    const body = await (await oembedFor(`https://p.example/ar/negotiations/${negotiation.slug}`)).json();
    expect(body.title).toBe("محادثات <img src=x onerror=alert(1)> الميناء");
    expect(body.html).not.toContain("<img src=x");
    // The English card is unchanged.
    expect(await (await embed(new Request("http://x/e"), params(negotiation.slug))).text()).toContain(
      '<h1 dir="auto">Harbour talks</h1>',
    );
  });

  it("answers oEmbed for an Arabic page address with the Arabic title and card", async () => {
    const body = await (await oembedFor("https://p.example/ar/negotiations/sweida-prisoner-exchange")).json();
    expect(body).toMatchObject({ lang: "ar", title: "تبادل الأسرى في السويداء: دمشق والشيخ حكمت الهجري" });
    expect(body.html).toContain("/embed/negotiations/sweida-prisoner-exchange?lang=ar");
    expect(body.html).toContain('title="تبادل الأسرى في السويداء: دمشق والشيخ حكمت الهجري"');
    const english = await (await oembedFor("https://p.example/negotiations/sweida-prisoner-exchange")).json();
    expect(english).toMatchObject({ lang: "en", title: expect.stringMatching(/^Sweida prisoner exchange/) });
  });
});
