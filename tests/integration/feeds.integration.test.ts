import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as globalAtom } from "@/app/[locale]/atom.xml/route";
import { GET as globalRss } from "@/app/[locale]/feed.xml/route";
import { GET as negotiationAtom } from "@/app/[locale]/(public)/negotiations/[slug]/atom.xml/route";
import { GET as negotiationRss } from "@/app/[locale]/(public)/negotiations/[slug]/feed.xml/route";
import { db } from "@/lib/db/client";
import { createNegotiation, createSource } from "@/seeds/factories";
import type { TranslatableField } from "@/lib/translations/fields";
import { originalHash } from "@/lib/translations/state";
import { runSeed } from "@/seeds/run";
import { xmlErrors } from "../support/strict-xml";

const MARKER = "FEED-CONFIDENTIAL-5d1e";
const parser = new XMLParser({ ignoreAttributes: false });
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
const arParams = (slug: string) => ({ params: Promise.resolve({ slug, locale: "ar" }) });
const arGlobal = () => ({ params: Promise.resolve({ locale: "ar" }) });
const NOTE = "(النص بالإنجليزية)";

/** An Arabic translation stored as the editor screen saves it (against the English as it reads). */
async function translate(field: TranslatableField, entityId: string, english: string, text: string) {
  await db().contentTranslation.create({
    data: { field, entityId, locale: "ar", text, originalHash: originalHash(english) },
  });
}

async function rssItems(response: Response) {
  expect(response.headers.get("content-type")).toContain("application/rss+xml");
  const xml = await response.text();
  const parsed = parser.parse(xml);
  const items = parsed.rss.channel.item;
  return {
    xml,
    items: (Array.isArray(items) ? items : items ? [items] : []) as Array<Record<string, string | { "#text": string }>>,
  };
}

beforeAll(async () => {
  await runSeed(db(), { includeDevelopmentStaff: false });
  await db().sourceConfidential.updateMany({ data: { notes: MARKER } });
});

describe("feeds", () => {
  it("publishes valid RSS 2.0 and Atom for a negotiation with every published development and its citations", async () => {
    const { items, xml } = await rssItems(
      await negotiationRss(new Request("http://x"), params("sweida-prisoner-exchange")),
    );
    expect(items).toHaveLength(6);
    const talks = items.find((i) => i.title === "US-mediated prisoner swap talks reported")!;
    expect(String(talks.description)).toContain(
      "According to Agence France-Presse, citing a Druze source who requested anonymity.",
    );
    expect(String(talks.description)).toContain("This rests on a single anonymous source.");
    // Key events are tagged so aggregators can pick them out.
    expect(talks.category).toBe("Key event");
    expect(items.find((i) => i.title === "Ceasefire reached")!.category).toBeUndefined();
    expect(xml).not.toContain(MARKER);

    const atom = await negotiationAtom(new Request("http://x"), params("sweida-prisoner-exchange"));
    expect(atom.headers.get("content-type")).toContain("application/atom+xml");
    const feed = parser.parse(await atom.text()).feed;
    expect(feed.entry).toHaveLength(6);
    expect(feed.entry[0].id).toMatch(/^urn:parley:development:/);
  });

  it("carries a correction as an update of the same item, and drops unpublished ones", async () => {
    const { negotiation } = await createNegotiation(db());
    const development = await db().development.create({
      data: {
        negotiationId: negotiation.id,
        title: "Prisoners freed",
        summary: "Twelve freed.",
        kind: "RELEASE",
        occurredOn: new Date("2026-03-01T00:00:00Z"),
        publication: "PUBLISHED",
        publishedAt: new Date("2026-03-01T12:00:00Z"),
        // Set explicitly (Prisma would stamp "now"), so the correction below must move it forward.
        updatedAt: new Date("2026-03-01T12:00:00Z"),
      },
    });
    const before = (await rssItems(await negotiationRss(new Request("http://x"), params(negotiation.slug)))).items;
    expect(before).toHaveLength(1);
    await db().$transaction([
      db().development.update({ where: { id: development.id }, data: { summary: "Thirteen freed." } }),
      db().correction.create({ data: { developmentId: development.id, note: "Thirteen were freed, not twelve." } }),
    ]);
    const after = (await rssItems(await negotiationRss(new Request("http://x"), params(negotiation.slug)))).items;
    expect(after).toHaveLength(1);
    expect(after[0]!.guid).toEqual(before[0]!.guid);
    // RSS keeps the publication date; Atom's <updated> moves to the correction, so readers see a change.
    expect(new Date(String(after[0]!.pubDate)).toISOString()).toBe("2026-03-01T12:00:00.000Z");
    const atomEntry = parser.parse(
      await (await negotiationAtom(new Request("http://x"), params(negotiation.slug))).text(),
    ).feed.entry;
    // Exactly the corrected row's own timestamp (not just "later"): the entry follows the edit.
    const corrected = await db().development.findUniqueOrThrow({
      where: { id: development.id },
      select: { updatedAt: true },
    });
    expect(corrected.updatedAt.getTime()).toBeGreaterThan(Date.parse("2026-03-01T12:00:00Z"));
    expect(String(atomEntry.updated)).toBe(corrected.updatedAt.toISOString());
    expect(String(atomEntry.published)).toBe("2026-03-01T12:00:00.000Z");
    expect(String(after[0]!.description)).toContain("Correction");
    expect(String(after[0]!.description)).toContain("Thirteen were freed, not twelve.");

    await db().development.update({ where: { id: development.id }, data: { publication: "DRAFT", publishedAt: null } });
    expect(
      (await rssItems(await negotiationRss(new Request("http://x"), params(negotiation.slug)))).items,
    ).toHaveLength(0);
  });

  it("answers 404 for drafts and unknown slugs, and lists all published negotiations in the global feeds", async () => {
    const { negotiation: draft } = await createNegotiation(db(), { publication: "DRAFT" });
    expect((await negotiationRss(new Request("http://x"), params(draft.slug))).status).toBe(404);
    expect((await negotiationRss(new Request("http://x"), params("nope"))).status).toBe(404);
    const { items } = await rssItems(await globalRss());
    expect(
      items.some((i) => String(i.title).startsWith("Sweida prisoner exchange: Damascus and Sheikh Hikmat al-Hijri: ")),
    ).toBe(true);
    expect((await globalAtom()).status).toBe(200);
  });

  it("stays well-formed XML when text stored before the input rules holds characters XML 1.0 forbids", async () => {
    // Every character XML 1.0 forbids that PostgreSQL can store (it refuses NUL and lone surrogates).
    const forbidden = [
      ...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)).filter(
        (c) => !["\u0000", "\t", "\n", "\r"].includes(c),
      ),
      "\uFFFE",
      "\uFFFF",
    ];
    expect(forbidden).toHaveLength(30);
    const strict = (xml: string, label: string) => {
      expect(xmlErrors(xml), label).toEqual([]);
      expect(XMLValidator.validate(xml), label).toBe(true);
    };
    for (const c of forbidden) {
      const code = c.charCodeAt(0).toString(16).padStart(4, "0");
      // Straight into the database, as rows written before the fix would be.
      const { negotiation } = await createNegotiation(db(), { title: `Talks ${code} a${c}b` });
      const via = await createSource(db(), { name: `Wire ${code} a${c}b` });
      const source = await createSource(db());
      const development = await db().development.create({
        data: {
          negotiationId: negotiation.id,
          title: `Release ${code} a${c}b`,
          summary: `Summary ${code} a${c}b`,
          kind: "RELEASE",
          occurredOn: new Date("2026-03-01T00:00:00Z"),
          publication: "PUBLISHED",
          publishedAt: new Date("2026-03-01T12:00:00Z"),
        },
      });
      await db().citation.create({
        data: {
          developmentId: development.id,
          sourceId: source.id,
          viaSourceId: via.id,
          attribution: `a witness ${code} a${c}b`,
        },
      });
      const correction = await db().correction.create({
        data: { developmentId: development.id, note: `Corrected ${code} a${c}b` },
      });
      // The Arabic feeds carry the translations: the same characters stored there, with CDATA's end and markup.
      await translate("NEGOTIATION_TITLE", negotiation.id, negotiation.title, `محادثات ${code} ا${c}ب`);
      await translate("DEVELOPMENT_TITLE", development.id, development.title, `إفراج ${code} ا${c}ب ]]>`);
      await translate("DEVELOPMENT_SUMMARY", development.id, development.summary, `ملخص ${code} ا${c}ب <b>]]></b>`);
      await translate("CORRECTION_NOTE", correction.id, correction.note, `تصحيح ${code} ا${c}ب ]]]]><![CDATA[`);

      const rss = await (await negotiationRss(new Request("http://x"), params(negotiation.slug))).text();
      strict(rss, `RSS U+${code}`);
      for (const text of [`Talks ${code} ab`, `Release ${code} ab`, `Summary ${code} ab`, `Wire ${code} ab`])
        expect(rss).toContain(text);
      expect(rss).toContain(`a witness ${code} ab`);
      expect(rss).toContain(`Corrected ${code} ab`);
      strict(await (await negotiationAtom(new Request("http://x"), params(negotiation.slug))).text(), `Atom U+${code}`);

      const arRss = await (await negotiationRss(new Request("http://x"), arParams(negotiation.slug))).text();
      strict(arRss, `Arabic RSS U+${code}`);
      const item = parser.parse(arRss).rss.channel.item;
      expect(item.title).toBe(`إفراج ${code} اب ]]&gt;`);
      expect(String(item.description)).toContain(`ملخص ${code} اب &lt;b&gt;]]&gt;&lt;/b&gt;`);
      expect(String(item.description)).toContain(`تصحيح ${code} اب ]]]]&gt;&lt;![CDATA[`);
      expect(parser.parse(arRss).rss.channel.title).toBe(`محادثات ${code} اب · بارلي`);
      const arAtom = await (await negotiationAtom(new Request("http://x"), arParams(negotiation.slug))).text();
      strict(arAtom, `Arabic Atom U+${code}`);
      expect(parser.parse(arAtom).feed.entry.title["#text"]).toBe(`إفراج ${code} اب ]]&gt;`);
    }
    strict(await (await globalRss()).text(), "global RSS");
    strict(await (await globalAtom()).text(), "global Atom");
    strict(await (await globalRss(new Request("http://x"), arGlobal())).text(), "global Arabic RSS");
    strict(await (await globalAtom(new Request("http://x"), arGlobal())).text(), "global Arabic Atom");
  });
});

describe("feeds in Arabic", () => {
  it("carry the seeded Arabic texts, declare their language and link the Arabic pages", async () => {
    const response = await negotiationRss(new Request("http://x"), arParams("sweida-prisoner-exchange"));
    expect(response.headers.get("content-language")).toBe("ar");
    const { xml, items } = await rssItems(response);
    expect(xml).toContain("<language>ar</language>");
    expect(parser.parse(xml).rss.channel.title).toBe("تبادل الأسرى في السويداء: دمشق والشيخ حكمت الهجري · بارلي");
    expect(items.map((i) => i.title)).toContain("اندلاع اشتباكات دامية في محافظة السويداء");
    for (const item of items)
      expect(String(item.link)).toMatch(/\/ar\/negotiations\/sweida-prisoner-exchange#development-/);
    expect(xml).not.toContain(MARKER);

    const atom = await (await negotiationAtom(new Request("http://x"), arParams("sweida-prisoner-exchange"))).text();
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">');
    // Every seeded development has its Arabic title, so no entry title is marked English.
    expect(atom).not.toContain('xml:lang="en"');
    // The English Atom says it is English.
    expect(await (await negotiationAtom(new Request("http://x"), params("sweida-prisoner-exchange"))).text()).toContain(
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    );
  });

  it("keep an untranslated item's English, marked as English with the note, beside a translated one", async () => {
    const { negotiation } = await createNegotiation(db(), { title: "Harbour talks" });
    const day = new Date("2026-04-01T00:00:00Z");
    // Changed last (the global feed lists the newest changes), the translated one after the other.
    const create = (title: string, summary: string, secondsAhead: number) =>
      db().development.create({
        data: {
          negotiationId: negotiation.id,
          title,
          summary,
          kind: "RELEASE",
          occurredOn: day,
          publication: "PUBLISHED",
          publishedAt: day,
          updatedAt: new Date(Date.now() + secondsAhead * 1000),
        },
      });
    const translated = await create("Ten freed at the port", "Ten detainees were freed.", 2);
    const english = await create("Talks resume", "Both delegations returned.", 1);
    const note = await db().correction.create({
      data: { developmentId: translated.id, note: "Ten, not eleven.", correctedAt: day },
    });
    await db().correction.create({
      data: { developmentId: english.id, note: "Date corrected.", correctedAt: day },
    });
    await translate("DEVELOPMENT_TITLE", translated.id, translated.title, "الإفراج عن عشرة في الميناء");
    await translate("DEVELOPMENT_SUMMARY", translated.id, translated.summary, "أُفرج عن عشرة محتجزين.");
    await translate("CORRECTION_NOTE", note.id, note.note, "عشرة لا أحد عشر.");

    const { items } = await rssItems(await negotiationRss(new Request("http://x"), arParams(negotiation.slug)));
    const [first, second] = items;
    expect(first!.title).toBe("الإفراج عن عشرة في الميناء");
    expect(String(first!.description)).toContain("أُفرج عن عشرة محتجزين.");
    expect(String(first!.description)).toContain("تصحيح (1 أبريل 2026): عشرة لا أحد عشر.");
    expect(String(first!.description)).not.toContain(NOTE);
    // RSS has no per-element language: the English title carries the note.
    expect(second!.title).toBe(`Talks resume ${NOTE}`);
    expect(String(second!.description)).toContain(
      `<span lang="en" dir="auto">Both delegations returned.</span> ${NOTE}`,
    );
    expect(String(second!.description)).toContain(`<span lang="en" dir="auto">Date corrected.</span> ${NOTE}`);
    // The negotiation's title has no translation: the channel keeps it in English.
    expect(
      parser.parse(await (await negotiationRss(new Request("http://x"), arParams(negotiation.slug))).text()).rss.channel
        .title,
    ).toBe("Harbour talks · بارلي");

    const atom = await (await negotiationAtom(new Request("http://x"), arParams(negotiation.slug))).text();
    expect(xmlErrors(atom)).toEqual([]);
    const entries = parser.parse(atom).feed.entry as Array<{ title: { "#text": string; "@_xml:lang"?: string } }>;
    expect(entries.map((e) => [e.title["#text"], e.title["@_xml:lang"]])).toEqual([
      ["الإفراج عن عشرة في الميناء", undefined],
      ["Talks resume", "en"],
    ]);

    // The global Arabic feed names the negotiation too: English there, so the Arabic item's title is mixed and noted.
    const global = (await rssItems(await globalRss(new Request("http://x"), arGlobal()))).items;
    expect(global.map((i) => i.title)).toContain(`Harbour talks: الإفراج عن عشرة في الميناء ${NOTE}`);
    expect(global.map((i) => i.title)).toContain(`Harbour talks: Talks resume ${NOTE}`);
    const globalAtomXml = await (await globalAtom(new Request("http://x"), arGlobal())).text();
    expect(globalAtomXml).toContain('xml:lang="en"><![CDATA[Harbour talks: Talks resume]]>');

    // The English feeds are as they were: English texts, no marks, no notes.
    const en = await (await negotiationRss(new Request("http://x"), params(negotiation.slug))).text();
    expect(en).toContain("Ten detainees were freed.");
    expect(en).not.toContain("lang=");
    expect(en).not.toContain(NOTE);
  });
});
