// Reader e-mail alerts against real parts: pg-boss on this file's PostgreSQL with a worker running
// the real handlers, nodemailer sending over SMTP to an smtp-server started here, every message
// parsed with mailparser. Sign-up, confirmation and unsubscribe go through the route handlers.
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as confirmRoute } from "@/app/api/follow/confirm/route";
import { POST as subscribeRoute } from "@/app/api/follow/subscribe/route";
import { GET as unsubscribeGet, POST as unsubscribeRoute } from "@/app/api/follow/unsubscribe/route";
import { createDevelopmentAction, setDevelopmentPublicationAction } from "@/lib/actions/developments";
import { countAlertSubscribers } from "@/lib/data/admin/alert-subscribers";
import { db } from "@/lib/db/client";
import { batchAlerts } from "@/lib/follow/alert-jobs";
import { sendMail } from "@/lib/follow/mailer";
import { installJobQueue } from "@/lib/jobs/boss";
import { jobHandlers } from "@/lib/jobs/handlers";
import { QUEUES } from "@/lib/jobs/queues";
import { startWorker, type JobHandler, type Worker } from "@/lib/jobs/worker";
import { originalHash } from "@/lib/translations/state";
import { createNegotiation, createSource, translateNegotiationTitle } from "@/seeds/factories";
import { asUser, type TestUser } from "../support/request-context";
import { startSmtpReceiver } from "../support/smtp-receiver";
import { createStaff } from "../support/staff";

const smtp = await startSmtpReceiver();
const confidential = `zzconfidential${randomBytes(4).toString("hex")}zz`;
let journalist: TestUser;
let source: { id: string };
let worker: Worker | null = null;

const startJobs = async (handlers = jobHandlers()) => {
  worker = await startWorker(process.env.DATABASE_URL!, handlers);
};
const stopJobs = async () => {
  await worker?.stop();
  worker = null;
};

beforeAll(async () => {
  process.env.SMTP_URL = smtp.url;
  process.env.PARLEY_ALERT_BATCH_SECONDS = "1";
  process.env.PARLEY_JOB_RETRY_DELAY_SECONDS = "1";
  process.env.PARLEY_JOB_POLL_SECONDS = "0.5";
  await installJobQueue(process.env.DATABASE_URL!);
  journalist = await createStaff("JOURNALIST");
  // The cited source carries confidential notes: they must never reach a reader's inbox.
  source = await createSource(db(), { name: "Alert Wire", kind: "WIRE_AGENCY", reliability: "B" }, confidential);
  await startJobs();
});

afterAll(async () => {
  await stopJobs();
  await smtp.close();
});

const address = () => `reader-${randomBytes(4).toString("hex")}@example.org`;

/** The sign-up form's POST, from one client address per call unless given; `locale` as the form sends it. */
function subscribe(
  email: string,
  negotiation = "",
  client = `198.51.100.${1 + (randomBytes(1)[0]! % 200)}`,
  locale?: string,
) {
  return subscribeRoute(
    new Request("http://localhost/api/follow/subscribe", {
      method: "POST",
      headers: { "x-forwarded-for": client },
      body: new URLSearchParams({ email, negotiation, ...(locale === undefined ? {} : { locale }) }),
    }),
  );
}

const confirmWith = (token: string, locale?: string) =>
  confirmRoute(
    new Request("http://localhost/api/follow/confirm", {
      method: "POST",
      body: new URLSearchParams({ token, ...(locale === undefined ? {} : { locale }) }),
    }),
  );

/** The token in the newest confirmation mail to an address. */
async function confirmationToken(email: string): Promise<string> {
  await smtp.until(() => smtp.to(email).some((m) => m.parsed.subject === "Confirm your Parley alerts"));
  const mail = smtp.to(email).findLast((m) => m.parsed.subject === "Confirm your Parley alerts")!;
  const link = /https?:\/\/\S+\/follow\/confirm\?token=([A-Za-z0-9_%-]+)/.exec(mail.parsed.text ?? "");
  return decodeURIComponent(link![1]!);
}

async function confirmedSubscriber(negotiationSlug: string): Promise<string> {
  const email = address();
  await subscribe(email, negotiationSlug);
  expect((await confirmWith(await confirmationToken(email))).headers.get("location")).toBe(
    "/follow/confirm?result=confirmed",
  );
  return email;
}

async function publish(negotiationId: string, title: string, arabic?: { title: string; summary: string }) {
  const created = await asUser(journalist, () =>
    createDevelopmentAction(null, {
      negotiationId,
      occurredOn: "2026-04-01",
      title,
      summary: `${title}: <b>summary</b> & more.`,
      kind: "TALKS",
      citations: [{ sourceId: source.id, attribution: "a wire report" }],
    }),
  );
  const id = (created as { data: { id: string } }).data.id;
  if (arabic)
    await db().contentTranslation.createMany({
      data: [
        {
          field: "DEVELOPMENT_TITLE",
          entityId: id,
          locale: "ar",
          text: arabic.title,
          originalHash: originalHash(title),
        },
        {
          field: "DEVELOPMENT_SUMMARY",
          entityId: id,
          locale: "ar",
          text: arabic.summary,
          originalHash: originalHash(`${title}: <b>summary</b> & more.`),
        },
      ],
    });
  expect(
    await asUser(journalist, () =>
      setDevelopmentPublicationAction(null, { developmentId: id, version: 1, publish: true }),
    ),
  ).toMatchObject({ ok: true });
}

const alertsTo = (email: string) => smtp.to(email).filter((m) => m.parsed.subject !== "Confirm your Parley alerts");

describe("double opt-in", () => {
  it("mails a confirmation link, sends nothing before it is followed, and the link works once", async () => {
    const { negotiation } = await createNegotiation(db());
    const pending = address();
    expect((await subscribe(pending, negotiation.slug)).headers.get("location")).toBe("/follow/check-inbox");
    const token = await confirmationToken(pending);
    const stored = await db().alertSubscription.findFirstOrThrow({ where: { email: pending } });
    expect(stored.confirmedAt).toBeNull();
    expect(stored.confirmTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.confirmTokenHash).not.toContain(token);

    // A confirmed reader of the same negotiation shows when the alert has gone out.
    const confirmed = await confirmedSubscriber(negotiation.slug);
    await publish(negotiation.id, "Talks resumed in Muscat");
    await smtp.until(() => alertsTo(confirmed).length === 1);
    expect(smtp.to(pending)).toHaveLength(1); // the confirmation only

    expect((await confirmWith(token)).headers.get("location")).toBe("/follow/confirm?result=confirmed");
    expect((await confirmWith(token)).headers.get("location")).toBe("/follow/confirm?result=invalid");
    expect(await db().alertSubscription.count({ where: { email: pending, confirmedAt: { not: null } } })).toBe(1);
  });

  it("answers a repeated sign-up exactly like the first, and keeps one subscription", async () => {
    const { negotiation } = await createNegotiation(db());
    const confirmed = await confirmedSubscriber(negotiation.slug);
    const fresh = address();
    const answers = [];
    for (const email of [fresh, fresh, confirmed]) {
      const response = await subscribe(email, negotiation.slug);
      answers.push([response.status, response.headers.get("location"), await response.text()]);
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0]).toEqual([303, "/follow/check-inbox", ""]);
    expect(await db().alertSubscription.count({ where: { email: fresh } })).toBe(1);
    expect(await db().alertSubscription.count({ where: { email: confirmed } })).toBe(1);

    // Admins see how many, never who.
    const counts = await asUser(await createStaff("ADMIN"), () => countAlertSubscribers());
    expect(counts.find((row) => row.negotiationId === negotiation.id)).toEqual({
      negotiationId: negotiation.id,
      title: negotiation.title,
      confirmed: 1,
      pending: 1,
    });
    expect(JSON.stringify(counts)).not.toContain("@");
  });

  it("limits sign-ups per address", async () => {
    const email = address();
    const locations = [];
    for (let i = 0; i < 5; i += 1) locations.push((await subscribe(email)).headers.get("location"));
    expect(locations.slice(0, 3)).toEqual(Array(3).fill("/follow/check-inbox"));
    expect(locations.at(-1)).toBe("/follow/check-inbox?problem=too-many");
  });
});

describe("alerts", () => {
  it("sends one message for a burst of three changes, with one-click unsubscribe, and nothing confidential", async () => {
    const { negotiation } = await createNegotiation(db());
    const reader = await confirmedSubscriber(negotiation.slug);
    await stopJobs(); // the burst is committed before any worker can look at it
    const titles = ["First swap list agreed", "Second bus crossed", "Third group released"];
    for (const title of titles) await publish(negotiation.id, title);
    const waiting = await db().$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM pgboss.job WHERE name = $1 AND state = 'created'`,
      QUEUES.alertBatch,
    );
    expect(Number(waiting[0]!.n)).toBe(1);
    await startJobs();
    await smtp.until(() => alertsTo(reader).length >= 1);
    // Every change was in that one batch: the queue holds no other batch for them.
    await expect
      .poll(async () => db().alertChange.count({ where: { negotiationId: negotiation.id } }), { timeout: 10_000 })
      .toBe(0);
    const [alert, ...more] = alertsTo(reader);
    expect(more).toEqual([]);
    for (const title of titles) {
      expect(alert!.parsed.text).toContain(title);
      expect(alert!.parsed.html).toContain(title);
    }
    expect(alert!.parsed.html).toContain("&lt;b&gt;summary&lt;/b&gt; &amp; more.");
    expect(alert!.raw).not.toContain(confidential);

    // The header section, unfolded (RFC 5322: a line starting with white space continues the one before).
    const head = alert!.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
    expect(head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    const oneClick = /^List-Unsubscribe: <([^>]+)>$/m.exec(head)![1]!;
    expect(oneClick).toMatch(/\/api\/follow\/unsubscribe\?token=/);
    expect(alert!.parsed.text).toMatch(/\/follow\/unsubscribe\?token=/);

    // Opening the URL changes nothing; the one-click POST deletes the address.
    const url = new URL(oneClick);
    expect((await unsubscribeGet(new Request(url))).headers.get("location")).toMatch(/^\/follow\/unsubscribe\?token=/);
    expect(await db().alertSubscription.count({ where: { email: reader } })).toBe(1);
    const response = await unsubscribeRoute(
      new Request(url, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) }),
    );
    expect(response.headers.get("location")).toBe("/follow/unsubscribe?result=done");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await db().alertSubscription.count({ where: { email: reader } })).toBe(0);

    const forged = new URL(url);
    forged.searchParams.set("token", `${oneClick.split("token=")[1]!.slice(0, 40)}AAAA`);
    expect((await unsubscribeRoute(new Request(forged, { method: "POST" }))).headers.get("location")).toBe(
      "/follow/unsubscribe?result=invalid",
    );
  });
});

describe("without SMTP_URL", () => {
  it("writes each message as an .eml file to PARLEY_MAIL_DIR", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "parley-mail-"));
    const smtpUrl = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    process.env.PARLEY_MAIL_DIR = folder;
    try {
      await sendMail({ to: "reader@example.org", subject: "Files", text: "plain", html: "<p>html</p>" });
    } finally {
      process.env.SMTP_URL = smtpUrl;
      delete process.env.PARLEY_MAIL_DIR;
    }
    const files = await readdir(folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const parsed = await simpleParser(await readFile(path.join(folder, files[0]!)));
    expect(parsed.subject).toBe("Files");
    expect(parsed.text?.trim()).toBe("plain");
    expect(smtp.to("reader@example.org")).toEqual([]);
  });
});

const ARABIC_CONFIRM = "أكّد اشتراكك في تنبيهات بارلي";
const ENGLISH_CONFIRM = "Confirm your Parley alerts";
const isConfirmation = (subject = "") => subject === ARABIC_CONFIRM || subject === ENGLISH_CONFIRM;
/** The header section, unfolded (RFC 5322: a line starting with white space continues the one before). */
const headOf = (raw: string) => raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");

/** The token of the newest mail with `subject` to an address, and the link's path. */
async function linkIn(email: string, subject: string): Promise<{ path: string; token: string }> {
  await smtp.until(() => smtp.to(email).some((m) => m.parsed.subject === subject));
  const mail = smtp.to(email).findLast((m) => m.parsed.subject === subject)!;
  const link = /https?:\/\/[^/\s]+(\/\S*follow\/confirm)\?token=([A-Za-z0-9_%-]+)/.exec(mail.parsed.text ?? "")!;
  return { path: link[1]!, token: decodeURIComponent(link[2]!) };
}

describe("languages", () => {
  it("refuses a sign-up whose language is neither en nor ar with a 400, and records nothing", async () => {
    const email = address();
    for (const locale of ["fr", "AR", "ar-SY", " en"]) {
      const response = await subscribe(email, "", undefined, locale);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/Unknown language/);
    }
    expect(await db().alertSubscription.count({ where: { email } })).toBe(0);
  });

  it("mails an Arabic reader's confirmation in Arabic, with a link to the Arabic page", async () => {
    const { negotiation } = await createNegotiation(db());
    await translateNegotiationTitle(db(), negotiation, "مفاوضات التبادل التجريبية");
    const email = address();
    const answer = await subscribe(email, negotiation.slug, undefined, "ar");
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe("/ar/follow/check-inbox");
    const { path, token } = await linkIn(email, ARABIC_CONFIRM);
    expect(path).toBe("/ar/follow/confirm");
    const mail = smtp.to(email).at(-1)!;
    expect(headOf(mail.raw)).toMatch(/^Content-Language: ar$/m);
    expect(mail.parsed.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.parsed.text).toContain("«مفاوضات التبادل التجريبية»");
    expect((await db().alertSubscription.findFirstOrThrow({ where: { email } })).language).toBe("ar");
    expect((await confirmWith(token, "ar")).headers.get("location")).toBe("/ar/follow/confirm?result=confirmed");
  });

  it("writes one batch in Arabic for an Arabic reader and in English for an English one", async () => {
    const { negotiation } = await createNegotiation(db());
    await translateNegotiationTitle(db(), negotiation, "مفاوضات بصرى");
    const english = await confirmedSubscriber(negotiation.slug);
    const arabic = address();
    await subscribe(arabic, negotiation.slug, undefined, "ar");
    await confirmWith((await linkIn(arabic, ARABIC_CONFIRM)).token, "ar");
    await stopJobs(); // both changes are in one batch
    await publish(negotiation.id, "Buses crossed at Busra", {
      title: "عبرت الحافلات عند بصرى",
      summary: "ملخص التطور بالعربية.",
    });
    await publish(negotiation.id, "Lists exchanged in Amman");
    await startJobs();
    const alertsOf = (email: string) => smtp.to(email).filter((m) => !isConfirmation(m.parsed.subject));
    await smtp.until(() => alertsOf(arabic).length >= 1 && alertsOf(english).length >= 1);

    const [ar] = alertsOf(arabic);
    expect(ar!.parsed.subject).toBe("مفاوضات بصرى: تحديثان");
    expect(headOf(ar!.raw)).toMatch(/^Content-Language: ar$/m);
    expect(ar!.parsed.html).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(ar!.parsed.html).toContain("<h2>مفاوضات بصرى</h2>");
    expect(ar!.parsed.text).toContain("تطور جديد: عبرت الحافلات عند بصرى");
    expect(ar!.parsed.text).toContain("ملخص التطور بالعربية.");
    // No translation yet: the English, marked as such, as the pages show it.
    expect(ar!.parsed.html).toContain(
      'تطور جديد: <span lang="en" dir="ltr">Lists exchanged in Amman</span> (النص بالإنجليزية)',
    );
    expect(ar!.parsed.text).toContain("Lists exchanged in Amman (النص بالإنجليزية)");
    expect(ar!.parsed.text).toContain(`/ar/negotiations/${negotiation.slug}#development-`);
    expect(ar!.parsed.text).toMatch(/\/ar\/follow\/unsubscribe\?token=/);
    expect(headOf(ar!.raw)).toMatch(/^List-Unsubscribe: <[^>]+\/api\/follow\/unsubscribe\?token=[^>]+&lang=ar>$/m);
    expect(ar!.parsed.text).toContain("1 أبريل 2026");

    const [en] = alertsOf(english);
    expect(en!.parsed.subject).toBe(`${negotiation.title}: 2 updates`);
    expect(headOf(en!.raw)).not.toMatch(/^Content-Language:/m);
    expect(en!.parsed.html).toMatch(/^<!doctype html><html lang="en">/);
    expect(en!.parsed.text).toContain("New development: Buses crossed at Busra");
    expect(en!.parsed.text).toContain("2026-04-01 — Buses crossed at Busra: <b>summary</b> & more.");
    expect(en!.parsed.text).not.toMatch(/[\u0600-\u06FF]/);
    expect(en!.parsed.text).toContain(`/negotiations/${negotiation.slug}#development-`);
    expect(en!.parsed.text).not.toContain("/ar/");

    // The Arabic one-click URL unsubscribes and leads to the Arabic page.
    const oneClick = new URL(/^List-Unsubscribe: <([^>]+)>$/m.exec(headOf(ar!.raw))![1]!);
    const done = await unsubscribeRoute(new Request(oneClick, { method: "POST" }));
    expect(done.headers.get("location")).toBe("/ar/follow/unsubscribe?result=done");
    expect(await db().alertSubscription.count({ where: { email: arabic } })).toBe(0);
  });

  it("changes a confirmed reader's language only once the new confirmation is followed, answering as for anyone", async () => {
    const { negotiation } = await createNegotiation(db());
    const reader = await confirmedSubscriber(negotiation.slug);
    const fresh = address();
    const answers = [];
    for (const email of [fresh, reader]) {
      const response = await subscribe(email, negotiation.slug, undefined, "ar");
      answers.push([response.status, response.headers.get("location"), await response.text()]);
    }
    expect(answers[1]).toEqual(answers[0]);
    const { token } = await linkIn(reader, ARABIC_CONFIRM);
    const row = () => db().alertSubscription.findFirstOrThrow({ where: { email: reader } });
    expect((await row()).language).toBe("en");
    expect((await row()).confirmedAt).not.toBeNull();
    expect((await confirmWith(token, "ar")).headers.get("location")).toBe("/ar/follow/confirm?result=confirmed");
    expect((await row()).language).toBe("ar");
    expect(await db().alertSubscription.count({ where: { email: reader } })).toBe(1);
    // The same language again sends nothing more.
    const before = smtp.to(reader).length;
    await subscribe(reader, negotiation.slug, undefined, "ar");
    await subscribe(fresh, negotiation.slug, undefined, "ar"); // queued after: its mail shows the queue has run
    await smtp.until(() => smtp.to(fresh).length >= 2);
    expect(smtp.to(reader)).toHaveLength(before);
  });
});

describe("no duplicate alert on retry", () => {
  it("sends nothing again when a send job fails after its mail went out", async () => {
    const { negotiation } = await createNegotiation(db());
    const reader = await confirmedSubscriber(negotiation.slug);
    await stopJobs();
    // The job's mail is accepted, then the job fails (as if the worker died before completing it).
    const real = jobHandlers()[QUEUES.alertSend]!;
    const failed = new Set<string>();
    const failingOnce: JobHandler = async (data, job) => {
      const result = await real(data, job);
      if (!failed.has(job.id)) {
        failed.add(job.id);
        throw new Error("the worker died after the send");
      }
      return result;
    };
    await startJobs({ ...jobHandlers(), [QUEUES.alertSend]: failingOnce });
    try {
      await publish(negotiation.id, "Second convoy crossed");
      await smtp.until(() => alertsTo(reader).length >= 1);
      // The receiver has the mail before the sender hears back: wait for the job's failure.
      await expect.poll(() => failed.size, { timeout: 10_000 }).toBe(1);
      const jobId = [...failed][0]!;
      const state = async () =>
        (
          await db().$queryRawUnsafe<{ state: string; retry_count: number }[]>(
            `SELECT state::text, retry_count FROM pgboss.job WHERE id = $1::uuid`,
            jobId,
          )
        )[0];
      await expect.poll(state, { timeout: 20_000 }).toEqual({ state: "completed", retry_count: 1 });
      expect(alertsTo(reader)).toHaveLength(1);
      expect(await db().alertDelivery.count({ where: { sendJobId: jobId } })).toBe(1);
      expect(headOf(alertsTo(reader)[0]!.raw)).toMatch(new RegExp(`^Message-ID: <alert\\.${jobId}@[^>]+>$`, "mi"));
    } finally {
      await stopJobs();
      await startJobs();
    }
  });

  it("a retried batch that finds newer changes queues them instead of losing them", async () => {
    const { negotiation } = await createNegotiation(db());
    const reader = await confirmedSubscriber(negotiation.slug);
    const subscriptionId = (await db().alertSubscription.findFirstOrThrow({ where: { email: reader } })).id;
    await stopJobs();
    try {
      const sendJobs = async () =>
        db().$queryRawUnsafe<{ id: string }[]>(
          `SELECT id::text FROM pgboss.job WHERE name = $1 AND data->>'subscriptionId' = $2`,
          QUEUES.alertSend,
          subscriptionId,
        );
      await publish(negotiation.id, "First list");
      expect(await batchAlerts()).toBeGreaterThanOrEqual(1);
      expect(await batchAlerts()).toBe(0); // the same batch run again: nothing taken twice
      await publish(negotiation.id, "Second list");
      expect(await batchAlerts()).toBeGreaterThanOrEqual(1);
      expect(new Set((await sendJobs()).map((j) => j.id)).size).toBe(2);
    } finally {
      await startJobs();
    }
    await smtp.until(() => alertsTo(reader).length >= 2);
    expect(alertsTo(reader).map((m) => m.parsed.subject)).toEqual([
      `${negotiation.title}: New development: First list`,
      `${negotiation.title}: New development: Second list`,
    ]);
  });
});
