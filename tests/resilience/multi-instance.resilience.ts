// The deployment of docs/deploy.md: three app instances on one PostgreSQL behind nginx
// (Debian's /usr/sbin/nginx, run unprivileged in a temporary prefix) with the committed
// deploy/nginx-parley.conf, its ports rewritten (tests/harness/deployed-nginx.ts). A publish
// and a correction on one instance reach the others' event streams within 1 s of the commit,
// and no page or API answer of theirs is stale after that; killing one instance under 200
// readers and 5 editors loses no acknowledged write, and readers keep getting 200s through the others.
import autocannon from "autocannon";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDeployedNginx, type DeployedNginx } from "@/tests/harness/deployed-nginx";
import { freePort, launchAppServer, startStack, type AppProcess, type Stack } from "@/tests/harness/stack";
import { CHANGE_CHANNEL } from "@/lib/server/change-feed";
import { HttpSession } from "@/tests/harness/staff-client";
import {
  checkWrites,
  developmentInput,
  recordCounts,
  seedFacts,
  sql,
  write,
  type SeedFacts,
  type Write,
} from "./support";

const LOAD_SECONDS = 12;
const READERS = 200;
const EDITORS = 5;

let stack: Stack;
let others: AppProcess[] = [];
let ports: number[];
let nginx: DeployedNginx | undefined;
let pool: pg.Pool;
let facts: SeedFacts;

beforeAll(async () => {
  const nginxPort = await freePort();
  const env = { NEXTAUTH_URL: `http://127.0.0.1:${nginxPort}`, PARLEY_TRUSTED_PROXY_HOPS: "1" };
  stack = await startStack({ env });
  const extra = [await freePort(), await freePort()];
  others = await Promise.all(extra.map((port) => launchAppServer({ port, databaseUrl: stack.databaseUrl, env })));
  ports = [stack.port, ...extra];
  nginx = await startDeployedNginx(ports, nginxPort);
  pool = sql(stack.databaseUrl);
  facts = await seedFacts(pool);
}, 240_000);

afterAll(async () => {
  await nginx?.stop();
  await pool?.end();
  await Promise.all(others.map((app) => app.stop()));
  await stack?.stop();
});

const direct = (index: number) => `http://127.0.0.1:${ports[index]}`;

async function developmentVersion(id: string): Promise<number> {
  const { rows } = await pool.query<{ version: number }>(`SELECT version FROM "Development" WHERE id = $1`, [id]);
  return rows[0]!.version;
}

/** An open event stream on `baseUrl`; `change` resolves with the first `change` event and when it arrived. */
async function openStream(baseUrl: string, slug: string) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/v1/negotiations/${slug}/events`, { signal: controller.signal });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = decoder.decode((await reader.read()).value);
  expect(buffer).toMatch(/^retry: /);
  const change = (async () => {
    while (!/event: change\ndata: [^\n]*\n\n/.test(buffer)) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error("stream ended before a change");
      buffer += decoder.decode(chunk.value);
    }
    return { at: Date.now(), text: buffer };
  })();
  return { change, close: () => controller.abort() };
}

/**
 * When the next write touching `negotiationId` committed, by the database's clock: the id of the
 * NOTIFY it sent (clock_timestamp() in µs, taken inside its transaction just before the commit, so
 * measuring from it never flatters). PostgreSQL delivers it only once the write has committed.
 */
async function nextCommit(negotiationId: string): Promise<{ committedAt: Promise<number>; stop: () => Promise<void> }> {
  const client = await pool.connect();
  await client.query(`LISTEN ${CHANGE_CHANNEL}`);
  const committedAt = new Promise<number>((resolve) =>
    client.on("notification", (message) => {
      const payload = JSON.parse(message.payload ?? "{}") as { id?: string; negotiationId?: string | null };
      if (payload.negotiationId === negotiationId && payload.id) resolve(Number(BigInt(payload.id) / 1000n));
    }),
  );
  return {
    committedAt,
    stop: async () => {
      await client.query(`UNLISTEN ${CHANGE_CHANNEL}`);
      client.release();
    },
  };
}

type Sighting = {
  /** Send time of the last request answered with the old content (null: none was). */
  lastStaleSentAt: number | null;
  staleAnswers: string[];
  fresh: { sentAt: number; at: number; cache: string };
};

/**
 * Asks `url` again and again (each answer is awaited: no sleeps) until `isFresh` holds for its body,
 * or until `giveUpAt`. Stale answers record which cache served them (x-parley-page-cache, Age).
 */
async function pollUntilFresh(
  url: string,
  isFresh: (body: string) => boolean,
  giveUpAt: number,
  stopped: { now: boolean },
): Promise<Sighting> {
  const staleAnswers: string[] = [];
  let lastStaleSentAt: number | null = null;
  while (!stopped.now) {
    const sentAt = Date.now();
    const response = await fetch(url);
    const body = await response.text();
    const at = Date.now();
    const cache = `page cache ${response.headers.get("x-parley-page-cache") ?? "-"}, age ${response.headers.get("age") ?? "-"}`;
    if (response.status === 200 && isFresh(body))
      return { lastStaleSentAt, staleAnswers, fresh: { sentAt, at, cache } };
    lastStaleSentAt = sentAt;
    staleAnswers.push(`sent at ${sentAt}: HTTP ${response.status}, ${cache}`);
    if (staleAnswers.length > 3) staleAnswers.shift();
    if (at > giveUpAt) throw new Error(`${url} still stale; last answers: ${staleAnswers.join("; ")}`);
  }
  throw new Error(`${url}: the measurement ended before it was fresh`);
}

/**
 * Runs `write` on one instance while the others' reader page and API are polled and their event
 * streams are open, and checks, from the write's commit: each stream has the change within 1 s;
 * no page or API answer is stale for a request sent after that instance's event arrived (its
 * caches, page cache and reader data alike, were emptied before the stream was told) or later than
 * 1 s after the commit. Prints every delay, including when the fresh answer arrived (which adds a
 * fresh render on the machine as it is).
 */
async function checkFreshness(options: {
  name: string;
  writer: number;
  write: () => Promise<void>;
  isFresh: (body: string) => boolean;
}): Promise<void> {
  const readers = [0, 1, 2].filter((index) => index !== options.writer);
  const addresses = [`/negotiations/${facts.slug}`, `/api/v1/negotiations/${facts.slug}/developments`];
  // Each reader has the page and API in its caches (page cache and reader data) before the write.
  for (const index of readers)
    for (const address of addresses)
      expect(options.isFresh(await (await fetch(direct(index) + address)).text())).toBe(false);
  const streams = await Promise.all(readers.map((index) => openStream(direct(index), facts.slug)));
  const commit = await nextCommit(facts.negotiationId);
  const giveUpAt = Date.now() + 30_000;
  const stopped = { now: false };
  let polls: Promise<Sighting>[][] = [];
  try {
    polls = readers.map((index) =>
      addresses.map((address) => pollUntilFresh(direct(index) + address, options.isFresh, giveUpAt, stopped)),
    );
    await options.write();
    const committedAt = await commit.committedAt;
    const lines: string[] = [];
    for (const [position, index] of readers.entries()) {
      const event = await streams[position]!.change;
      expect(event.text).toContain(facts.negotiationId);
      const eventMs = event.at - committedAt;
      lines.push(`instance ${index}: event ${eventMs} ms`);
      expect(eventMs, `instance ${index}'s event stream, ms after the commit`).toBeLessThanOrEqual(1_000);
      for (const [which, poll] of polls[position]!.entries()) {
        const label = `instance ${index}'s ${which === 0 ? "page" : "API"}`;
        const seen = await poll;
        const staleMs = seen.lastStaleSentAt === null ? null : seen.lastStaleSentAt - committedAt;
        lines.push(
          `${which === 0 ? "page" : "API"}: last stale answer asked at ${staleMs ?? "-"} ms, fresh one asked at ${seen.fresh.sentAt - committedAt} ms and received at ${seen.fresh.at - committedAt} ms (${seen.fresh.cache})`,
        );
        if (seen.lastStaleSentAt !== null) {
          expect(seen.lastStaleSentAt, `${label}: a request sent after its event was answered stale`).toBeLessThan(
            event.at,
          );
          expect(staleMs, `${label}: stale answers, ms after the commit`).toBeLessThanOrEqual(1_000);
        }
      }
    }
    console.log(`multi-instance: ${options.name}, from its commit: ${lines.join("; ")}`);
  } finally {
    stopped.now = true;
    // Pollers still running when the write failed end with an error nobody waits for.
    for (const poll of polls.flat()) poll.catch(() => undefined);
    for (const stream of streams) stream.close();
    await commit.stop();
  }
}

/** An answer's CSP nonce, and every nonce its scripts and styles carry. */
async function nonces(response: Response): Promise<{ policy: string | null; inBody: string[]; body: string }> {
  const body = await response.text();
  const policy = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1] ?? null;
  return { policy, inBody: [...new Set([...body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]!))], body };
}

describe("nginx's one-second cache in front (deploy/nginx-parley.conf)", () => {
  const unique = () => Math.random().toString(36).slice(2, 10);

  it("answers readers from its copy, each answer with a nonce of its own in the policy and in every script", async () => {
    const address = `${nginx!.url}/negotiations/${facts.slug}?edge=${unique()}`;
    const first = await fetch(address);
    const second = await fetch(address);
    expect(first.headers.get("x-parley-edge-cache")).toBe("MISS");
    expect(second.headers.get("x-parley-edge-cache")).toBe("HIT");
    const [a, b] = [await nonces(first), await nonces(second)];
    for (const answer of [a, b]) {
      expect(answer.policy).toMatch(/^[0-9a-f]{32}$/);
      expect(answer.inBody).toEqual([answer.policy]);
    }
    expect(a.policy).not.toBe(b.policy);
    expect(b.body).not.toContain(a.policy!);
  });

  it("never stores a signed-in answer, and headers a reader sends do not shape the copy others get", async () => {
    const journalist = await new HttpSession(nginx!.url).signIn(stack.staff.journalist);
    const staffAddress = `/negotiations/${facts.slug}?edge=${unique()}`;
    const staff = await journalist.fetch(staffAddress);
    expect(staff.headers.get("x-parley-edge-cache")).toBe("BYPASS");
    expect(staff.headers.get("cache-control")).toBe("private, no-store");
    const anonymous = await fetch(nginx!.url + staffAddress);
    expect(anonymous.headers.get("x-parley-edge-cache"), "the staff answer was not stored").toBe("MISS");

    const poisoned = `/negotiations/${facts.slug}?edge=${unique()}`;
    const attack = await fetch(nginx!.url + poisoned, {
      headers: {
        "x-forwarded-host": "evil.example",
        "x-forwarded-port": "6666",
        "x-original-url": "/admin",
        "x-rewrite-url": "/admin",
        rsc: "1",
      },
    });
    expect(attack.headers.get("x-parley-edge-cache"), "an RSC request neither reads nor fills the cache").toBe(
      "BYPASS",
    );
    const viaHeaders = await fetch(nginx!.url + poisoned, {
      headers: { "x-forwarded-host": "evil.example", "x-original-url": "/admin" },
    });
    const later = await fetch(nginx!.url + poisoned);
    expect(later.headers.get("x-parley-edge-cache")).toBe("HIT");
    for (const answer of [viaHeaders, later]) {
      const body = await answer.text();
      expect(answer.status).toBe(200);
      expect(body).not.toContain("evil.example");
      expect(body).not.toContain("6666");
      expect(body).toContain(facts.slug);
    }
  });
});

describe("three instances behind nginx on one PostgreSQL", () => {
  let developmentId: string;
  let title: string;

  it("a publish on one instance: the others' event streams have it and their pages and API stop answering without it within 1 s of its commit", async () => {
    const journalist = await new HttpSession(direct(0)).signIn(stack.staff.journalist);
    title = `Cross-instance ${Date.now().toString(36)}`;
    const created = await journalist.action<{ id: string }>(
      "createDevelopmentAction",
      developmentInput(facts.negotiationId, title, facts.sourceIds),
    );
    expect(created.result).toMatchObject({ ok: true });
    developmentId = (created.result as { data: { id: string } }).data.id;
    const version = await developmentVersion(developmentId);
    await checkFreshness({
      name: "publish on instance 0",
      writer: 0,
      isFresh: (body) => body.includes(title),
      write: async () => {
        const published = await journalist.action("setDevelopmentPublicationAction", {
          developmentId,
          version,
          publish: true,
          confirmSingleAnonymous: true,
        });
        expect(published.result).toMatchObject({ ok: true });
      },
    });
  });

  it("a correction (not a publish) on another instance: the same within 1 s", async () => {
    const editor = await new HttpSession(direct(2)).signIn(stack.staff.journalist);
    const corrected = `${title} (corrected)`;
    await checkFreshness({
      name: "correction on instance 2",
      writer: 2,
      isFresh: (body) => body.includes(corrected),
      write: async () => {
        const input = developmentInput(facts.negotiationId, corrected, facts.sourceIds);
        const { negotiationId: _negotiation, ...fields } = input;
        const updated = await editor.action("updateDevelopmentAction", {
          ...fields,
          developmentId,
          version: await developmentVersion(developmentId),
          correctionNote: "The title was wrong.",
        });
        expect(updated.result).toMatchObject({ ok: true });
      },
    });
  });

  it(`killing one instance under ${READERS} readers and ${EDITORS} editors loses no acknowledged write; readers keep getting 200s`, async () => {
    const editors = await Promise.all(
      Array.from({ length: EDITORS }, () => new HttpSession(nginx!.url).signIn(stack.staff.journalist)),
    );
    const writes: Write[] = [];
    let running = true;
    const writers = editors.map(async (session, index) => {
      for (let i = 0; running; i++) writes.push(await write(session, facts, "development", `Behind nginx ${index}`));
    });
    const victim = others[1]!;
    const kill = setTimeout(() => victim.child.kill("SIGKILL"), (LOAD_SECONDS * 1000) / 3);
    const readers = await autocannon({
      url: nginx!.url,
      connections: READERS,
      duration: LOAD_SECONDS,
      timeout: 30,
      requests: [
        { path: `/negotiations/${facts.slug}` },
        { path: `/api/v1/negotiations/${facts.slug}` },
        { path: "/" },
        { path: `/api/v1/negotiations/${facts.slug}/developments` },
      ],
    });
    clearTimeout(kill);
    running = false;
    await Promise.all(writers);
    expect(victim.child.signalCode, "the instance was killed during the load").toBe("SIGKILL");

    const statuses = Object.fromEntries(
      Object.entries(readers.statusCodeStats).map(([status, stats]) => [status, stats.count]),
    );
    const check = await checkWrites(pool, writes);
    const unanswered = writes.filter((w) => w.outcome === "unknown");
    console.log(
      `multi-instance: instance killed at ${LOAD_SECONDS / 3} s of ${LOAD_SECONDS} s; ${readers.requests.total} reads through nginx (statuses ${JSON.stringify(statuses)}, ${readers.errors} errors, p99 ${readers.latency.p99} ms); ` +
        `${writes.length} writes: ${check.acknowledged} acknowledged, ${check.found} found, ${unanswered.length} cut off with the killed instance (not acknowledged)`,
    );
    recordCounts({ faults: 1, acknowledged: check.acknowledged, found: check.found });
    expect(Object.keys(statuses), "every read answered 200").toEqual(["200"]);
    expect(readers.errors, "reader connections refused or reset").toBe(0);
    expect(check.acknowledged).toBeGreaterThan(0);
    expect(check.lost).toEqual([]);
    expect(check.halfApplied).toEqual([]);
    expect(check.refusedButStored).toEqual([]);
  });
});
