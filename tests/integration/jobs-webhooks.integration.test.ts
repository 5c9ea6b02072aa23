// The job queue and signed webhooks against real parts: pg-boss on this file's PostgreSQL,
// a worker running the real handlers, and an HTTP receiver that verifies every signature
// with the standardwebhooks package.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDevelopmentAction, setDevelopmentPublicationAction } from "@/lib/actions/developments";
import { db } from "@/lib/db/client";
import { createBoss, installJobQueue } from "@/lib/jobs/boss";
import { listFailedJobs } from "@/lib/data/admin/jobs";
import { createWebhookAction, rotateWebhookSecretAction } from "@/lib/actions/webhooks";
import { enqueue } from "@/lib/jobs/enqueue";
import { jobHandlers } from "@/lib/jobs/handlers";
import { QUEUES } from "@/lib/jobs/queues";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import { newWebhookSecret } from "@/lib/webhooks/secret";
import { webhookMessageSchema } from "@/lib/api/webhook-schemas";
import { createNegotiation, createSource } from "@/seeds/factories";
import { asUser, type TestUser } from "../support/request-context";
import { createStaff } from "../support/staff";
import { startWebhookReceiver } from "../support/webhook-receiver";

let journalist: TestUser;
let admin: TestUser;
let source: { id: string };
let worker: Worker;

beforeAll(async () => {
  process.env.PARLEY_OUTBOUND_ALLOW_PRIVATE = "1"; // the receiver listens on loopback
  process.env.PARLEY_WEBHOOK_DISABLE_AFTER = "3";
  process.env.PARLEY_JOB_RETRY_DELAY_SECONDS = "1";
  process.env.PARLEY_JOB_POLL_SECONDS = "0.5";
  await installJobQueue(process.env.DATABASE_URL!); // applies the 1 s retry delay to this file's queues
  journalist = await createStaff("JOURNALIST");
  admin = await createStaff("ADMIN");
  source = await createSource(db(), { name: "Webhook Wire", kind: "WIRE_AGENCY", reliability: "B" });
  worker = await startWorker(process.env.DATABASE_URL!, jobHandlers());
});

afterAll(async () => {
  await worker?.stop();
});

const jobsIn = async (queue: string) =>
  Number(
    (await db().$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM pgboss.job WHERE name = $1`, queue))[0]!.n,
  );

async function publishedDevelopment(negotiationId: string, title: string) {
  const created = await asUser(journalist, () =>
    createDevelopmentAction(null, {
      negotiationId,
      occurredOn: "2026-03-01",
      title,
      summary: "Prisoners crossed at the border post.",
      kind: "TALKS",
      citations: [{ sourceId: source.id, attribution: "a wire report" }],
    }),
  );
  const id = (created as { data: { id: string } }).data.id;
  const published = await asUser(journalist, () =>
    setDevelopmentPublicationAction(null, { developmentId: id, version: 1, publish: true }),
  );
  expect(published).toMatchObject({ ok: true });
  return id;
}

async function endpoint(url: string, data: { events?: string[]; negotiationIds?: string[] } = {}) {
  return db().webhookEndpoint.create({
    data: {
      url,
      secret: newWebhookSecret(),
      events: data.events ?? ["development.published"],
      negotiationIds: data.negotiationIds ?? [],
    },
  });
}

describe("jobs are enqueued in the transaction of the change", () => {
  it("a rolled-back transaction leaves no job; a committed one leaves exactly one", async () => {
    const before = await jobsIn(QUEUES.citationArchive);
    await expect(
      db().$transaction(async (tx) => {
        await enqueue(tx, QUEUES.citationArchive, { url: "ftp://example.org/rolled-back" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await jobsIn(QUEUES.citationArchive)).toBe(before);
    await db().$transaction((tx) => enqueue(tx, QUEUES.citationArchive, { url: "ftp://example.org/committed" }));
    expect(await jobsIn(QUEUES.citationArchive)).toBe(before + 1);
  });

  it("a publish refused by a rule queues nothing; an accepted one queues its fan-out", async () => {
    const { negotiation } = await createNegotiation(db());
    const created = await asUser(journalist, () =>
      createDevelopmentAction(null, {
        negotiationId: negotiation.id,
        occurredOn: "2026-03-02",
        title: "Uncited claim",
        summary: "No citation yet.",
        kind: "TALKS",
        citations: [],
      }),
    );
    const before = await jobsIn(QUEUES.webhookFanout);
    expect(created).toMatchObject({ ok: true });
    const id = (created as { data: { id: string } }).data.id;
    const refused = await asUser(journalist, () =>
      setDevelopmentPublicationAction(null, { developmentId: id, version: 1, publish: true }),
    );
    expect(refused).toMatchObject({ ok: false });
    expect(await jobsIn(QUEUES.webhookFanout)).toBe(before);
    await publishedDevelopment(negotiation.id, "Accepted publish");
    expect(await jobsIn(QUEUES.webhookFanout)).toBeGreaterThan(before);
  });
});

describe("signed webhooks", () => {
  it("deliver a published development, signed, in the read API's shape; retried after a failure with the same id", async () => {
    const { negotiation } = await createNegotiation(db());
    let secret = "";
    const receiver = await startWebhookReceiver(
      () => secret,
      (n) => (n === 1 ? 503 : 204),
    );
    try {
      const hook = await endpoint(receiver.url, { negotiationIds: [negotiation.id] });
      secret = hook.secret;
      const other = await createNegotiation(db());
      await publishedDevelopment(other.negotiation.id, "Elsewhere: not for this endpoint");
      const id = await publishedDevelopment(negotiation.id, "Fifty released at the crossing");
      await receiver.until((all) => all.some((r) => r.status === 204));
      expect(receiver.received).toHaveLength(2);
      const [first, second] = receiver.received;
      expect(first!.verified && second!.verified).toBe(true);
      expect(second!.id).toBe(first!.id);
      expect(webhookMessageSchema("development.published").safeParse(second!.body).error).toBeUndefined();
      expect(second!.body).toMatchObject({
        type: "development.published",
        data: {
          negotiation: { slug: negotiation.slug },
          development: { id, title: "Fifty released at the crossing", citations: [{ attribution: "a wire report" }] },
        },
      });
      // The attempt's log row commits just after the receiver has answered.
      const attempts = async () =>
        (await db().webhookDelivery.findMany({ where: { endpointId: hook.id }, orderBy: { attempt: "asc" } })).map(
          (d) => [d.attempt, d.responseStatus, d.succeeded],
        );
      await expect.poll(attempts, { timeout: 10_000 }).toEqual([
        [1, 503, false],
        [2, 204, true],
      ]);
    } finally {
      await receiver.close();
    }
  });

  it("a receiver with the wrong secret cannot verify", async () => {
    const { negotiation } = await createNegotiation(db());
    const receiver = await startWebhookReceiver(() => newWebhookSecret());
    try {
      await endpoint(receiver.url, { negotiationIds: [negotiation.id] });
      await publishedDevelopment(negotiation.id, "Checked with another key");
      await receiver.until((all) => all.length >= 1);
      expect(receiver.received[0]!.verified).toBe(false);
    } finally {
      await receiver.close();
    }
  });

  it("disables an endpoint after repeated failures, with a notice in the audit trail", async () => {
    const { negotiation } = await createNegotiation(db());
    const receiver = await startWebhookReceiver(
      () => newWebhookSecret(),
      () => 500,
    );
    try {
      const hook = await endpoint(receiver.url, { negotiationIds: [negotiation.id] });
      await publishedDevelopment(negotiation.id, "Nobody is listening");
      await receiver.until((all) => all.length >= 3);
      const current = () => db().webhookEndpoint.findUniqueOrThrow({ where: { id: hook.id } });
      await expect.poll(async () => (await current()).enabled, { timeout: 10_000 }).toBe(false);
      const row = await current();
      expect(row).toMatchObject({ enabled: false, consecutiveFailures: 3 });
      expect(row.disabledReason).toContain("3 failed deliveries");
      expect(await db().auditEntry.count({ where: { action: "webhook.endpoint.disable", entityId: hook.id } })).toBe(1);
      expect(await db().webhookDelivery.count({ where: { endpointId: hook.id } })).toBe(3);
    } finally {
      await receiver.close();
    }
  });
});

describe("admins", () => {
  it("see a job that failed for good, with its error", async () => {
    const boss = createBoss(process.env.DATABASE_URL!, { supervise: false, schedule: false, migrate: false });
    await boss.start();
    const id = await boss.send(
      QUEUES.webhookFanout,
      { negotiationId: "not-a-uuid", type: "stage.changed" },
      { retryLimit: 0 },
    );
    await boss.stop({ graceful: false });
    await expect
      .poll(async () => (await asUser(admin, () => listFailedJobs())).find((job) => job.id === id), { timeout: 15_000 })
      .toMatchObject({ queue: QUEUES.webhookFanout, attempts: 1, error: expect.stringMatching(/.+/) });
    await expect(asUser(journalist, () => listFailedJobs())).rejects.toThrow();
  });

  it("get an endpoint's secret once, at creation and rotation; the audit trail never holds it", async () => {
    const created = await asUser(admin, () =>
      createWebhookAction(null, { url: "https://partner.example/hooks", events: ["stage.changed"] }),
    );
    expect(created).toMatchObject({ ok: true, data: { secret: expect.stringMatching(/^whsec_/) } });
    const { id, secret } = (created as { data: { id: string; secret: string } }).data;
    const rotated = await asUser(admin, () => rotateWebhookSecretAction(null, { endpointId: id }));
    const newSecret = (rotated as { data: { secret: string } }).data.secret;
    expect(newSecret).not.toBe(secret);
    expect((await db().webhookEndpoint.findUniqueOrThrow({ where: { id } })).secret).toBe(newSecret);
    const audit = JSON.stringify(
      await db().auditEntry.findMany({ where: { entityId: id }, select: { before: true, after: true, action: true } }),
    );
    expect(audit).not.toContain(secret.slice(6));
    expect(audit).not.toContain(newSecret.slice(6));
    expect(
      await asUser(journalist, () =>
        createWebhookAction(null, { url: "https://x.example/", events: ["stage.changed"] }),
      ),
    ).toMatchObject({ ok: false });
  });
});
