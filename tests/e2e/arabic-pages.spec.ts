// Issue 17: the Arabic reader pages other than the negotiation page say everything in Arabic.
// English may remain only where it is marked lang="en" (editorial text without a translation,
// names as recorded, the API reference) or is on the short allowed list (brand, format names,
// ISO codes, URLs, code samples): tests/e2e/untranslated-text.ts.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { axeViolations } from "./axe";
import { embeddedUrl, findRunningCluster } from "@/lib/db/embedded";
import { withPrismaClient } from "@/lib/db/prisma";
import { originalHash } from "@/lib/translations/state";
import { applySeedCase } from "@/seeds/apply";
import { loadSeedCases } from "@/seeds/load";
import { E2E_DATA_DIR } from "./fixtures";
import { withE2eDatabase } from "./support/database";
import { ownSweidaCase } from "./support/own-case";
import { expectNoUntranslatedText } from "./untranslated-text";

test.describe.configure({ mode: "serial", timeout: 120_000 });
test.use({ timezoneId: "UTC", locale: "en-GB" });

const TRANSLATED_NOTE = "An earlier version gave the wrong month for the first aid convoy.";
const TRANSLATED_NOTE_AR = "ذكرت نسخة سابقة شهرًا خاطئًا لوصول أول قافلة مساعدات.";
const ENGLISH_ONLY_NOTE = "An earlier version said the ceasefire held from the first day.";

/**
 * A copy of the Russia–Ukraine case under its own address: another shape than Sweida (concluded,
 * no Arabic translations at all, actors with Russian and Ukrainian names or none, English-only sources).
 */
async function ownRussiaUkraineCase(): Promise<string> {
  const cases = await loadSeedCases();
  const data = cases.find((c) => c.data.negotiation.slug.startsWith("russia-ukraine"))!.data;
  const suffix = randomBytes(3).toString("hex");
  const slug = `russia-ukraine-arabic-pages-${suffix}`;
  const running = findRunningCluster(E2E_DATA_DIR);
  if (!running?.port) throw new Error(`The e2e database in ${E2E_DATA_DIR} is not running; start the app first.`);
  await withPrismaClient(embeddedUrl(running.port, "parley"), (prisma) =>
    applySeedCase(prisma, {
      ...data,
      negotiation: { ...data.negotiation, slug, title: `Russia and Ukraine exchange, Arabic pages copy ${suffix}` },
    }),
  );
  return slug;
}

/**
 * Two public corrections on the Sweida copy: one with an Arabic note, one English only. The copy's
 * title stays English (the seeder gave it Sweida's Arabic title): the pages then show an untranslated
 * title too, and other specs looking for the seeded Arabic title on /ar find only the original.
 */
async function correct(negotiationId: string): Promise<void> {
  await withE2eDatabase(async (client) => {
    await client.query(`DELETE FROM "ContentTranslation" WHERE field = 'NEGOTIATION_TITLE' AND "entityId" = $1`, [
      negotiationId,
    ]);
    const developments = await client.query<{ id: string; title: string }>(
      `SELECT id, title FROM "Development" WHERE "negotiationId" = $1 AND title IN ('Aid convoys start entering the province', 'Ceasefire reached')`,
      [negotiationId],
    );
    const idOf = (title: string) => developments.rows.find((d) => d.title === title)!.id;
    const translated = await client.query<{ id: string }>(
      `INSERT INTO "Correction" (id, "developmentId", note, "correctedAt") VALUES (gen_random_uuid(), $1, $2, '2026-03-03T09:00:00Z') RETURNING id`,
      [idOf("Aid convoys start entering the province"), TRANSLATED_NOTE],
    );
    await client.query(
      `INSERT INTO "Correction" (id, "developmentId", note, "correctedAt") VALUES (gen_random_uuid(), $1, $2, '2026-03-02T09:00:00Z')`,
      [idOf("Ceasefire reached"), ENGLISH_ONLY_NOTE],
    );
    await client.query(
      `INSERT INTO "ContentTranslation" (id, field, "entityId", locale, text, "originalHash", "updatedAt") VALUES (gen_random_uuid(), 'CORRECTION_NOTE', $1, 'ar', $2, $3, now())`,
      [translated.rows[0]!.id, TRANSLATED_NOTE_AR, originalHash(TRANSLATED_NOTE)],
    );
  });
}

const pages: Record<string, string> = {
  home: "/ar",
  "actor with an Arabic name": "/ar/actors/hikmat-al-hijri",
  "actor without an Arabic name": "/ar/actors/turkey",
  "source with an Arabic description": "/ar/sources/afp",
  "source without an Arabic description": "/ar/sources/reuters",
  "rating scale": "/ar/about/reliability",
  developers: "/ar/developers",
  corrections: "", // set once the case exists
  "404": "/ar/no-such-page",
  // The alert sign-up's pages (issue 19), as a reader reaches them from an Arabic page or e-mail.
  "follow check-inbox": "/ar/follow/check-inbox",
  "follow confirm": "/ar/follow/confirm?token=arabic-pages-not-a-real-token",
  "follow unsubscribe": "/ar/follow/unsubscribe?token=arabic-pages-not-a-real-token",
};

test.beforeAll(async () => {
  const sweida = await ownSweidaCase("arabic-pages");
  await correct(sweida.id);
  await ownRussiaUkraineCase();
  pages.corrections = `/ar${sweida.readerPath}/corrections`;
});

for (const name of Object.keys(pages)) {
  test(`the Arabic ${name} page has no English outside lang="en", passes axe light and dark`, async ({
    page,
  }, testInfo) => {
    const response = await page.goto(pages[name]!);
    expect(response!.status()).toBe(name === "404" ? 404 : 200);
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page, { colourOnly: colorScheme === "dark" }), colorScheme).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: "light" });
    for (const viewport of [
      { label: "390", width: 390, height: 844 },
      { label: "1280", width: 1280, height: 800 },
    ]) {
      await page.setViewportSize(viewport);
      await testInfo.attach(`arabic-${name.replaceAll(" ", "-")}-${viewport.label}px`, {
        body: await page.screenshot({ fullPage: true }),
        contentType: "image/png",
      });
    }
    await expectNoUntranslatedText(page);
  });
}

test("Arabic actor and source pages use the Arabic name and description, and mark English as English", async ({
  page,
}) => {
  await page.goto(pages["actor with an Arabic name"]!);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText("حكمت الهجري");
  await expect(heading.locator('[lang="en"]')).toHaveCount(0);
  await expect(page).toHaveTitle("حكمت الهجري · بارلي");

  await page.goto(pages["actor without an Arabic name"]!);
  await expect(page.getByRole("heading", { level: 1 }).locator('[lang="en"]')).toHaveText("Turkish government");
  await expect(page.getByTestId("untranslated-note").first()).toHaveText("(النص بالإنجليزية)");

  await page.goto(pages["source with an Arabic description"]!);
  await expect(page.getByTestId("source-description")).toHaveText("وكالة أنباء دولية مقرها باريس.");
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", "وكالة أنباء دولية مقرها باريس.");

  await page.goto(pages["source without an Arabic description"]!);
  const description = page.getByTestId("source-description");
  await expect(description.locator('[lang="en"]')).toHaveText("International news agency headquartered in London.");
  await expect(description.getByTestId("untranslated-note")).toHaveText("(النص بالإنجليزية)");
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", "وكالة أنباء");
});

test("the Arabic corrections page shows an Arabic note where one exists, the English one marked otherwise", async ({
  page,
}) => {
  await page.goto(pages.corrections!);
  const notes = page.getByTestId("correction-note");
  await expect(notes).toHaveCount(2);
  // Newest first: the translated note, then the English-only one.
  await expect(notes.nth(0)).toHaveText(TRANSLATED_NOTE_AR);
  await expect(notes.nth(0).locator('[lang="en"]')).toHaveCount(0);
  await expect(notes.nth(1).locator('[lang="en"]')).toHaveText(ENGLISH_ONLY_NOTE);
  await expect(notes.nth(1).getByTestId("untranslated-note")).toHaveText("(النص بالإنجليزية)");
  await expect(page.getByTestId("correction").nth(0)).toContainText("صُحّح في 3 مارس 2026");
});
