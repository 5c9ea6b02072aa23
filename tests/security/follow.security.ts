// Follow-and-preserve surfaces and the planted markers: a webhook partner, a reader's e-mail
// alerts and the archived copies must never carry confidential data or drafts. A worker runs
// the real job handlers in this process against the stack's database; a receiver verifies every
// webhook's signature, and an SMTP server started here captures every e-mail.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { jobHandlers } from "@/lib/jobs/handlers";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { STACK_SECRET } from "../harness/stack";
import { HttpSession } from "../harness/staff-client";
import { startSmtpReceiver } from "../support/smtp-receiver";
import { startWebhookReceiver } from "../support/webhook-receiver";
import { fetchRaw, leakedMarkers } from "./crawl";
import { newMarker } from "./markers";

const baseUrl = inject("baseUrl");
const staff = inject("staff");
const planted = inject("planted");

let worker: Worker;
let pages: http.Server;
let pageBase: string;
let secret = "";
const receiver = await startWebhookReceiver(() => secret);
const smtp = await startSmtpReceiver();
const readers = { all: "all-reader@follow.test", one: "one-reader@follow.test", arabic: "arabic-reader@follow.test" };
const publicTitle = newMarker("follow.publicTitle");
const draftTitle = newMarker("follow.draftTitle");
let publishedId = "";
let draftUrl = "";

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.PARLEY_OUTBOUND_ALLOW_PRIVATE = "1"; // receiver and pages listen on loopback
  process.env.PARLEY_JOB_POLL_SECONDS = "0.5";
  process.env.SMTP_URL = smtp.url; // the worker in this process sends the mail
  process.env.NEXTAUTH_SECRET = STACK_SECRET; // unsubscribe links are signed with the app's secret
  pages = http.createServer((request, response) =>
    response.writeHead(200, { "content-type": "text/html" }).end(`<p>Cited page ${request.url}</p>`),
  );
  await new Promise<void>((resolve) => pages.listen(0, "127.0.0.1", resolve));
  pageBase = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;

  const admin = await new HttpSession(baseUrl).signIn(staff.admin);
  const created = await admin.action<{ secret: string }>("createWebhookAction", {
    url: receiver.url,
    events: [...WEBHOOK_EVENT_TYPES],
  });
  expect(created.result).toMatchObject({ ok: true });
  secret = (created.result as { data: { secret: string } }).data.secret;
  worker = await startWorker(process.env.DATABASE_URL, jobHandlers());

  // Three readers sign up through the public form's route and confirm by the mailed link; one
  // reads Arabic (the form on /ar pages sends locale=ar, and the link leads to /ar/follow/confirm).
  for (const [email, negotiation, locale] of [
    [readers.all, "", "en"],
    [readers.one, planted.public.negotiationSlug, "en"],
    [readers.arabic, "", "ar"],
  ] as const) {
    const prefix = locale === "ar" ? "/ar" : "";
    const signUp = await fetch(`${baseUrl}/api/follow/subscribe`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ email, negotiation, locale }),
    });
    expect(signUp.headers.get("location")).toBe(`${prefix}/follow/check-inbox`);
    await smtp.until(() => smtp.to(email).length > 0);
    const link = /(\/(?:ar\/)?follow\/confirm)\?token=([A-Za-z0-9_%-]+)/.exec(smtp.to(email)[0]!.parsed.text ?? "")!;
    expect(link[1]).toBe(`${prefix}/follow/confirm`);
    const confirmed = await fetch(`${baseUrl}/api/follow/confirm`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ token: decodeURIComponent(link[2]!), locale }),
    });
    expect(confirmed.headers.get("location")).toBe(`${prefix}/follow/confirm?result=confirmed`);
  }

  const source = await db().source.findFirstOrThrow({ where: { status: "ACTIVE" }, select: { id: true } });
  const journalist = await new HttpSession(baseUrl).signIn(staff.journalist);
  const log = (title: string, url: string) =>
    journalist.action<{ id: string }>("createDevelopmentAction", {
      negotiationId: planted.public.negotiationId,
      occurredOn: "2026-03-06",
      title,
      summary: "Logged by the follow security suite.",
      kind: "STATEMENT",
      citations: [{ sourceId: source.id, attribution: "a cited page", url }],
    });
  const published = await log(publicTitle, `${pageBase}/public`);
  publishedId = (published.result as { data: { id: string } }).data.id;
  expect(
    (
      await journalist.action("setDevelopmentPublicationAction", {
        developmentId: publishedId,
        version: 1,
        publish: true,
      })
    ).result,
  ).toMatchObject({ ok: true });
  draftUrl = `${pageBase}/draft-only`;
  expect((await log(draftTitle, draftUrl)).result).toMatchObject({ ok: true });
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await receiver.close();
  await smtp.close();
  await new Promise<void>((resolve) => pages.close(() => resolve()));
  await disconnectDb();
});

describe("follow and preserve", () => {
  it("sends partners signed messages without a confidential marker, and with the public change", async () => {
    await receiver.until((all) => all.some((r) => JSON.stringify(r.body).includes(publicTitle)));
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    const everything = JSON.stringify(receiver.received.map((r) => r.body));
    expect(leakedMarkers(everything, planted.markers).map((m) => m.field)).toEqual([]);
  });

  it("e-mails readers the public change without a confidential marker or a draft", async () => {
    const alerted = (email: string) => smtp.to(email).some((mail) => (mail.parsed.text ?? "").includes(publicTitle));
    await smtp.until(() => alerted(readers.all) && alerted(readers.one) && alerted(readers.arabic));
    // Decoded parts as well as the raw message: quoted-printable may fold a marker across lines.
    const everything = smtp.received
      .map((mail) => [mail.raw, mail.parsed.subject, mail.parsed.text, mail.parsed.html].join("\n"))
      .join("\n");
    expect(leakedMarkers(everything, planted.markers).map((m) => m.field)).toEqual([]);
    expect(everything).not.toContain(draftTitle);
    expect(everything).toContain(publicTitle);
  });

  it("shows the alert pages in the reader's language: English where they always were, Arabic right to left", async () => {
    for (const [path, lang, dir, words] of [
      ["/follow/check-inbox", "en", "ltr", "Check your inbox"],
      ["/ar/follow/check-inbox", "ar", "rtl", "تفقّد بريدك الوارد"],
      ["/ar/follow/confirm?result=confirmed", "ar", "rtl", "أكّد اشتراكك في التنبيهات"],
      ["/ar/follow/unsubscribe?token=x", "ar", "rtl", "إيقاف التنبيهات"],
    ]) {
      const page = await fetch(`${baseUrl}${path}`, { redirect: "manual" });
      expect(page.status, path).toBe(200);
      expect(page.headers.get("cache-control"), path).toBe("private, no-store");
      const html = await page.text();
      expect(html, path).toContain(`<html lang="${lang}" dir="${dir}"`);
      expect(html, path).toContain(words);
    }
    // The sign-up form sends its page's language.
    for (const [path, locale] of [
      ["/", "en"],
      ["/ar", "ar"],
    ]) {
      const html = await (await fetch(`${baseUrl}${path}`)).text();
      expect(html, path).toMatch(new RegExp(`<input type="hidden" name="locale" value="${locale}"/>`));
    }
    // The Arabic reader's alert is in Arabic, right to left.
    const arabic = smtp.to(readers.arabic).find((mail) => (mail.parsed.text ?? "").includes(publicTitle))!;
    expect(arabic.parsed.html).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.parsed.text).toMatch(/تطور جديد/);
  });

  it("serves the archived copy of a public citation sandboxed and clean; a draft's copy is not public", async () => {
    const snapshotFor = (url: string) =>
      db()
        .citation.findFirst({ where: { url }, select: { snapshotId: true } })
        .then((c) => c?.snapshotId ?? null);
    await expect.poll(() => snapshotFor(`${pageBase}/public`), { timeout: 20_000 }).not.toBeNull();
    await expect.poll(() => snapshotFor(draftUrl), { timeout: 20_000 }).not.toBeNull();

    const copy = await fetchRaw(`${baseUrl}/api/archive/${await snapshotFor(`${pageBase}/public`)}`);
    expect(copy.status).toBe(200);
    expect(leakedMarkers(copy.body, planted.markers)).toEqual([]);
    const headers = await fetch(`${baseUrl}/api/archive/${await snapshotFor(`${pageBase}/public`)}`);
    expect(headers.headers.get("content-security-policy")).toMatch(/^sandbox/);
    expect(headers.headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.headers.get("set-cookie")).toBeNull();

    expect((await fetchRaw(`${baseUrl}/api/archive/${await snapshotFor(draftUrl)}`)).status).toBe(404);
  });
});
