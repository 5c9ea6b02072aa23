// Archived citations against a real local web server: a page that changes between fetches,
// one that fails, one that redirects to a link-local (cloud metadata) address. The worker
// runs the real handlers; the snapshot route is called as Next.js would.
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getSnapshot } from "@/app/api/archive/[id]/route";
import { reArchiveAction } from "@/lib/actions/archive";
import { createDevelopmentAction, setDevelopmentPublicationAction } from "@/lib/actions/developments";
import { archiveCitedUrls } from "@/lib/archive/link-archive";
import { db } from "@/lib/db/client";
import { installJobQueue } from "@/lib/jobs/boss";
import { jobHandlers } from "@/lib/jobs/handlers";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import { createNegotiation, createSource } from "@/seeds/factories";
import { asAnonymous, asUser, type TestUser } from "../support/request-context";
import { createStaff } from "../support/staff";

let journalist: TestUser;
let source: { id: string };
let worker: Worker;
let server: http.Server;
let base: string;
let version = 0;
const requests: string[] = [];

beforeAll(async () => {
  process.env.PARLEY_OUTBOUND_ALLOW_PRIVATE = "1"; // the pages are served on loopback
  process.env.PARLEY_JOB_RETRY_DELAY_SECONDS = "1";
  process.env.PARLEY_JOB_POLL_SECONDS = "0.5";
  await installJobQueue(process.env.DATABASE_URL!);
  server = http.createServer((request, response) => {
    requests.push(request.url!);
    if (request.url?.startsWith("/statement"))
      return void response
        .writeHead(200, { "content-type": "text/html; charset=utf-8", "set-cookie": "tracker=1" })
        .end(`<html><body><h1>Statement</h1><script>parent.document.title="owned"</script></body></html>`);
    if (request.url === "/changing")
      return void response.writeHead(200, { "content-type": "text/plain" }).end(`version ${++version}`);
    if (request.url === "/gone") return void response.writeHead(404, { "content-type": "text/plain" }).end("gone");
    if (request.url === "/to-metadata")
      return void response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    if (request.url?.startsWith("/save/"))
      return void response.writeHead(200, { "content-location": "/web/2026/" + request.url.slice(6) }).end();
    response.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  journalist = await createStaff("JOURNALIST");
  source = await createSource(db(), { name: "Archive Wire", kind: "WIRE_AGENCY", reliability: "B" });
  worker = await startWorker(process.env.DATABASE_URL!, jobHandlers());
});

afterAll(async () => {
  await worker?.stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function cite(paths: string[]) {
  const { negotiation } = await createNegotiation(db());
  const created = await asUser(journalist, () =>
    createDevelopmentAction(null, {
      negotiationId: negotiation.id,
      occurredOn: "2026-04-01",
      title: `Cited ${paths.join(" ")}`,
      summary: "With links.",
      kind: "TALKS",
      citations: paths.map((p) => ({ sourceId: source.id, attribution: `report ${p}`, url: `${base}${p}` })),
    }),
  );
  expect(created).toMatchObject({ ok: true });
  return (created as { data: { id: string } }).data.id;
}

const snapshotOf = (url: string) =>
  db()
    .citation.findFirst({ where: { url }, select: { snapshot: true } })
    .then((c) => c?.snapshot ?? null);
const attemptsFor = (url: string) => db().linkSnapshot.findMany({ where: { url }, orderBy: { fetchedAt: "asc" } });

async function fetchSnapshot(id: string, user: TestUser | null) {
  const call = () =>
    getSnapshot(new Request(`http://parley.test/api/archive/${id}`), { params: Promise.resolve({ id }) });
  return user ? asUser(user, call) : asAnonymous(call);
}

describe("archived citations", () => {
  it("keeps the page with its hash, serves it sandboxed, to staff until the citation is public", async () => {
    const url = `${base}/statement`;
    const developmentId = await cite(["/statement"]);
    await expect.poll(() => snapshotOf(url), { timeout: 15_000 }).not.toBeNull();
    const snapshot = (await snapshotOf(url))!;
    expect(snapshot).toMatchObject({ status: 200, finalUrl: url, error: null, publicArchiveUrl: null });
    expect(snapshot.sha256).toBe(createHash("sha256").update(Buffer.from(snapshot.body!)).digest("hex"));
    expect(snapshot.headers).not.toHaveProperty("set-cookie");

    expect((await fetchSnapshot(snapshot.id, null)).status).toBe(404); // a draft's source stays unseen
    const staffView = await fetchSnapshot(snapshot.id, journalist);
    expect(staffView.status).toBe(200);

    await asUser(journalist, () => setDevelopmentPublicationAction(null, { developmentId, version: 1, publish: true }));
    const reader = await fetchSnapshot(snapshot.id, null);
    expect(reader.status).toBe(200);
    expect(reader.headers.get("content-security-policy")).toMatch(/^sandbox;.*default-src 'none'/);
    expect(reader.headers.get("x-content-type-options")).toBe("nosniff");
    expect(reader.headers.get("set-cookie")).toBeNull();
    expect(await reader.text()).toContain("<h1>Statement</h1>");
  });

  it("re-archives on demand: a changed page gets a new copy and hash, and citations point to it", async () => {
    const url = `${base}/changing`;
    await cite(["/changing"]);
    await expect.poll(() => snapshotOf(url), { timeout: 15_000 }).not.toBeNull();
    const first = (await snapshotOf(url))!;
    expect(await asUser(journalist, () => reArchiveAction(null, { url }))).toMatchObject({ ok: true });
    await expect.poll(async () => (await snapshotOf(url))?.id, { timeout: 15_000 }).not.toBe(first.id);
    const second = (await snapshotOf(url))!;
    expect(Buffer.from(second.body!).toString()).not.toBe(Buffer.from(first.body!).toString());
    expect(second.sha256).not.toBe(first.sha256);
    expect(await asAnonymous(() => reArchiveAction(null, { url }))).toMatchObject({ ok: false });
  });

  it("records a failing page's answer, and refuses a redirect to a link-local address without following it", async () => {
    await cite(["/gone", "/to-metadata"]);
    await expect.poll(() => snapshotOf(`${base}/gone`), { timeout: 15_000 }).toMatchObject({ status: 404 });
    await expect
      .poll(async () => (await attemptsFor(`${base}/to-metadata`))[0]?.error ?? null, { timeout: 15_000 })
      .toMatch(/^refused: .*169\.254\.169\.254/);
    expect(await snapshotOf(`${base}/to-metadata`)).toBeNull();
  });

  it("a rolled-back save queues no fetch", async () => {
    const before = requests.length;
    const { negotiation } = await createNegotiation(db());
    const refused = await asUser(journalist, () =>
      createDevelopmentAction(null, {
        negotiationId: negotiation.id,
        occurredOn: "2026-04-02",
        title: "Refused save",
        summary: "Names an actor that does not exist.",
        kind: "TALKS",
        actorIds: ["00000000-0000-4000-8000-000000000000"],
        citations: [{ sourceId: source.id, attribution: "never saved", url: `${base}/never` }],
      }),
    );
    expect(refused).toMatchObject({ ok: false });
    const jobs = await db().$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM pgboss.job WHERE data->>'url' = $1`,
      `${base}/never`,
    );
    expect(Number(jobs[0]!.n)).toBe(0);
    expect(requests.slice(before)).not.toContain("/never");
  });

  it("queues one fetch per address however many saves cite it at once", async () => {
    const url = `${base}/gone?burst=${Date.now()}`;
    for (let i = 0; i < 5; i++) await db().$transaction((tx) => archiveCitedUrls(tx, [url]));
    const jobs = await db().$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM pgboss.job WHERE data->>'url' = $1`,
      url,
    );
    expect(Number(jobs[0]!.n)).toBe(1);
  });

  it("submits to the public archive only when one is configured", async () => {
    process.env.PARLEY_PUBLIC_ARCHIVE_SAVE_URL = `${base}/save/`;
    try {
      await cite(["/statement?public"]);
      await expect
        .poll(() => snapshotOf(`${base}/statement?public`), { timeout: 15_000 })
        .toMatchObject({ publicArchiveUrl: expect.stringContaining("/web/2026/") });
    } finally {
      delete process.env.PARLEY_PUBLIC_ARCHIVE_SAVE_URL;
    }
  });
});
