// The scheduled link check against a real local web server: one page answers, one fails. The
// job runs through pg-boss and the worker's real handler; the schedule is pg-boss's own.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCitedLinks } from "@/lib/archive/link-check";
import { listCitedLinks } from "@/lib/data/snapshots";
import { db } from "@/lib/db/client";
import { installJobQueue } from "@/lib/jobs/boss";
import { enqueue } from "@/lib/jobs/enqueue";
import { jobHandlers } from "@/lib/jobs/handlers";
import { QUEUES } from "@/lib/jobs/queues";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import { createNegotiation, createSource } from "@/seeds/factories";
import { asUser } from "../support/request-context";
import { createStaff } from "../support/staff";

let worker: Worker;
let server: http.Server;
let base: string;
let goneAnswers = 404;

beforeAll(async () => {
  process.env.PARLEY_OUTBOUND_ALLOW_PRIVATE = "1"; // the pages are served on loopback
  process.env.PARLEY_JOB_POLL_SECONDS = "0.5";
  server = http.createServer((request, response) => {
    if (request.url === "/ok") return void response.writeHead(200, { "content-type": "text/html" }).end("<p>here</p>");
    response.writeHead(goneAnswers, { "content-type": "text/plain" }).end("no");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { negotiation } = await createNegotiation(db());
  const source = await createSource(db());
  const development = await db().development.create({
    data: {
      negotiationId: negotiation.id,
      occurredOn: new Date("2026-02-01T00:00:00Z"),
      title: "Cited",
      summary: "S.",
      kind: "OTHER",
    },
  });
  for (const path of ["/ok", "/gone", "/gone"])
    await db().citation.create({
      data: { developmentId: development.id, sourceId: source.id, attribution: "a page", url: `${base}${path}` },
    });
});

afterAll(async () => {
  await worker?.stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const schedule = async () =>
  db().$queryRawUnsafe<{ cron: string }[]>(`SELECT cron FROM pgboss.schedule WHERE name = $1`, QUEUES.linkCheck);

describe("scheduled link check", () => {
  it("is scheduled by PARLEY_LINK_CHECK_CRON, and 'off' removes the schedule", async () => {
    process.env.PARLEY_LINK_CHECK_CRON = "30 3 * * *";
    await installJobQueue(process.env.DATABASE_URL!);
    expect(await schedule()).toEqual([{ cron: "30 3 * * *" }]);
    process.env.PARLEY_LINK_CHECK_CRON = "off";
    await installJobQueue(process.env.DATABASE_URL!);
    expect(await schedule()).toEqual([]);
    delete process.env.PARLEY_LINK_CHECK_CRON;
    await installJobQueue(process.env.DATABASE_URL!);
    expect(await schedule()).toEqual([{ cron: "0 4 * * *" }]);
  });

  it("marks the URL that now fails for staff, and clears the mark when it answers again", async () => {
    worker = await startWorker(process.env.DATABASE_URL!, jobHandlers());
    await db().$transaction((tx) => enqueue(tx, QUEUES.linkCheck, {}));
    await expect.poll(() => db().linkCheck.count(), { timeout: 20_000 }).toBe(2);
    const ok = await db().linkCheck.findUniqueOrThrow({ where: { url: `${base}/ok` } });
    const gone = await db().linkCheck.findUniqueOrThrow({ where: { url: `${base}/gone` } });
    expect(ok).toMatchObject({ ok: true, status: 200, error: null, failingSince: null });
    expect(gone).toMatchObject({ ok: false, status: 404, error: "HTTP 404" });
    expect(gone.failingSince).toEqual(gone.checkedAt);

    const journalist = await createStaff("JOURNALIST");
    const links = await asUser(journalist, () => listCitedLinks());
    expect(links.find((l) => l.url === `${base}/gone`)).toMatchObject({ citations: 2, check: { ok: false } });

    // Still failing: it has been failing since the first check. Then it answers again.
    await checkCitedLinks();
    const still = await db().linkCheck.findUniqueOrThrow({ where: { url: `${base}/gone` } });
    expect(still.failingSince).toEqual(gone.failingSince);
    expect(still.checkedAt.getTime()).toBeGreaterThan(gone.checkedAt.getTime());
    goneAnswers = 200;
    await checkCitedLinks();
    expect(await db().linkCheck.findUniqueOrThrow({ where: { url: `${base}/gone` } })).toMatchObject({
      ok: true,
      failingSince: null,
    });
  });
});
