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
import { sendMail } from "@/lib/follow/mailer";
import { installJobQueue } from "@/lib/jobs/boss";
import { jobHandlers } from "@/lib/jobs/handlers";
import { QUEUES } from "@/lib/jobs/queues";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import { createNegotiation, createSource } from "@/seeds/factories";
import { asUser, type TestUser } from "../support/request-context";
import { startSmtpReceiver } from "../support/smtp-receiver";
import { createStaff } from "../support/staff";

const smtp = await startSmtpReceiver();
const confidential = `zzconfidential${randomBytes(4).toString("hex")}zz`;
let journalist: TestUser;
let source: { id: string };
let worker: Worker | null = null;

const startJobs = async () => {
  worker = await startWorker(process.env.DATABASE_URL!, jobHandlers());
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

/** The sign-up form's POST, from one client address per call unless given. */
function subscribe(email: string, negotiation = "", client = `198.51.100.${1 + (randomBytes(1)[0]! % 200)}`) {
  return subscribeRoute(
    new Request("http://localhost/api/follow/subscribe", {
      method: "POST",
      headers: { "x-forwarded-for": client },
      body: new URLSearchParams({ email, negotiation }),
    }),
  );
}

const confirmWith = (token: string) =>
  confirmRoute(
    new Request("http://localhost/api/follow/confirm", { method: "POST", body: new URLSearchParams({ token }) }),
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

async function publish(negotiationId: string, title: string) {
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
