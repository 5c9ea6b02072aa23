// Several editors at once, over HTTP through the real server actions: a save
// that lost a race is refused with a conflict, never silently overwritten or
// half applied.
import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "@/tests/harness/stack";
import { HttpSession, type ActionOutcome } from "@/tests/harness/staff-client";
import {
  checkWrites,
  developmentInput,
  developmentRow,
  recordCounts,
  seedFacts,
  sql,
  termsInput,
  uniqueKey,
  write,
  type SeedFacts,
  type Write,
} from "./support";

let stack: Stack;
let pool: pg.Pool;
let facts: SeedFacts;
let journalist: HttpSession;
let admin: HttpSession;
let acknowledged = 0;
let found = 0;

beforeAll(async () => {
  stack = await startStack();
  pool = sql(stack.databaseUrl);
  facts = await seedFacts(pool);
  journalist = await new HttpSession(stack.baseUrl).signIn(stack.staff.journalist);
  admin = await new HttpSession(stack.baseUrl).signIn(stack.staff.admin);
});

afterAll(async () => {
  recordCounts({ acknowledged, found });
  await pool?.end();
  await stack?.stop();
});

async function createDraft(title: string): Promise<string> {
  const outcome = await journalist.action<{ id: string }>(
    "createDevelopmentAction",
    developmentInput(facts.negotiationId, title, facts.sourceIds),
  );
  expect(outcome.result, outcome.body.slice(0, 500)).toMatchObject({ ok: true });
  acknowledged += 1;
  found += 1;
  return (outcome.result as { data: { id: string } }).data.id;
}

const update = (session: HttpSession, developmentId: string, version: number, title: string) =>
  session.action("updateDevelopmentAction", {
    ...developmentInput(facts.negotiationId, title, facts.sourceIds),
    negotiationId: undefined,
    developmentId,
    version,
  });

/** Exactly one of two racing saves succeeded and the other was told of the conflict. */
function oneWinner(outcomes: ActionOutcome[]): number {
  const codes = outcomes.map((o) => (o.result?.ok ? "ok" : (o.result?.code ?? `HTTP ${o.status}`)));
  expect(codes.toSorted()).toEqual(["CONFLICT", "ok"]);
  return codes.indexOf("ok");
}

async function auditActions(entityId: string): Promise<Array<{ action: string; after: Record<string, unknown> }>> {
  const { rows } = await pool.query<{ action: string; after: Record<string, unknown> }>(
    `SELECT action, after FROM "AuditEntry" WHERE "entityId" = $1 ORDER BY id`,
    [entityId],
  );
  return rows;
}

describe("two editors save the same record", () => {
  it("development: one save wins, the other gets a conflict, the winner's text is stored", async () => {
    const id = await createDraft(uniqueKey("Race"));
    for (let round = 0; round < 6; round++) {
      const version = (await developmentRow(pool, id))!.version;
      const titles = [uniqueKey(`Journalist round ${round}`), uniqueKey(`Admin round ${round}`)];
      const outcomes = await Promise.all([
        update(journalist, id, version, titles[0]!),
        update(admin, id, version, titles[1]!),
      ]);
      const winner = oneWinner(outcomes);
      const conflict = outcomes[1 - winner]!.result as { message: string };
      expect(conflict.message).toMatch(/while you were editing/);
      const row = (await developmentRow(pool, id))!;
      expect(row).toMatchObject({ title: titles[winner], version: version + 1 });
      acknowledged += 1;
      found += 1;
    }
    const updates = (await auditActions(id)).filter((entry) => entry.action === "development.update");
    expect(updates).toHaveLength(6);
  });

  it("terms: racing publish and unpublish of one version, and racing new versions, keep one consistent history", async () => {
    const created = await journalist.action<{ id: string; number: number }>(
      "createTermsVersionAction",
      termsInput(facts, uniqueKey("Terms race")),
    );
    expect(created.result).toMatchObject({ ok: true });
    const termsVersionId = (created.result as { data: { id: string } }).data.id;
    const outcomes = await Promise.all([
      journalist.action("setTermsPublicationAction", { termsVersionId, version: 1, publish: true }),
      admin.action("setTermsPublicationAction", { termsVersionId, version: 1, publish: false }),
    ]);
    const winner = oneWinner(outcomes);
    const { rows } = await pool.query<{ publication: string; version: number }>(
      `SELECT publication, version FROM "TermsVersion" WHERE id = $1`,
      [termsVersionId],
    );
    expect(rows[0]).toEqual({ publication: winner === 0 ? "PUBLISHED" : "DRAFT", version: 2 });

    // New versions from several editors at once get distinct, consecutive numbers.
    const writes: Write[] = await Promise.all(
      [journalist, admin, journalist, admin].map((session) => write(session, facts, "terms", "Terms version race")),
    );
    expect(writes.map((w) => w.outcome)).toEqual(["ok", "ok", "ok", "ok"]);
    const numbers = await pool.query<{ number: number }>(
      `SELECT number FROM "TermsVersion" WHERE "negotiationId" = $1 ORDER BY number`,
      [facts.negotiationId],
    );
    const list = numbers.rows.map((r) => r.number);
    expect(list).toEqual(list.map((_, index) => index + 1));
    const check = await checkWrites(pool, [...writes]);
    acknowledged += check.acknowledged + 1;
    found += check.found + 1;
    expect(check.found).toBe(4);
  });
});

const HEAD_START_MS = [0, 150, 500];

describe("publishing while another editor edits", () => {
  it("either the publication or the edit wins; the row and its revision history agree, with no half state", async () => {
    const wins = { publish: 0, edit: 0 };
    for (let round = 0; round < 6; round++) {
      const originalTitle = uniqueKey(`Publish race ${round}`);
      const id = await createDraft(originalTitle);
      const editedTitle = uniqueKey(`Edited during publish ${round}`);
      // One of the two is sent a little later, alternately, so that both outcomes occur; the checks hold either way.
      const delay = (own: "publish" | "edit") =>
        sleep((round % 2 === 0) === (own === "edit") ? HEAD_START_MS[round >> 1]! : 0);
      const publish = () =>
        delay("publish").then(() =>
          journalist.action("setDevelopmentPublicationAction", {
            developmentId: id,
            version: 1,
            publish: true,
            confirmSingleAnonymous: true,
          }),
        );
      const edit = () => delay("edit").then(() => update(admin, id, 1, editedTitle));
      const [publishOutcome, editOutcome] = await Promise.all([publish(), edit()]);
      const winner = oneWinner([publishOutcome!, editOutcome!]);
      const row = (await developmentRow(pool, id))!;
      const history = await auditActions(id);
      expect(history.map((entry) => entry.action)).toEqual([
        "development.create",
        winner === 0 ? "development.publish" : "development.update",
      ]);
      if (winner === 0) {
        wins.publish += 1;
        expect(row).toEqual({ title: originalTitle, publication: "PUBLISHED", version: 2 });
      } else {
        wins.edit += 1;
        expect(row).toEqual({ title: editedTitle, publication: "DRAFT", version: 2 });
      }
      // The newest revision describes exactly what is stored.
      expect(history.at(-1)!.after).toMatchObject({
        title: row.title,
        publication: row.publication,
        version: row.version,
      });
      const citations = await pool.query(`SELECT 1 FROM "Citation" WHERE "developmentId" = $1`, [id]);
      expect(citations.rowCount).toBe(2);
      acknowledged += 1;
      found += 1;
    }
    console.log(`publish-while-editing: publication won ${wins.publish}, edit won ${wins.edit} of 6 rounds`);
  });
});

describe("merging sources while editors cite the duplicate", () => {
  it("is atomic: no citation is left on the merged-away source and the counts add up", async () => {
    const createSource = async (name: string) => {
      const outcome = await admin.action<{ id: string }>("createSourceAction", {
        name,
        kind: "OUTLET",
        reliability: "B",
      });
      expect(outcome.result, outcome.body.slice(0, 300)).toMatchObject({ ok: true });
      return (outcome.result as { data: { id: string } }).data.id;
    };
    const duplicate = await createSource(uniqueKey("Duplicate outlet"));
    const survivor = await createSource(uniqueKey("Surviving outlet"));
    const citing: SeedFacts = { ...facts, sourceIds: [duplicate, facts.sourceIds[0]] };

    const editors = await Promise.all(
      [0, 1, 2].map(() => new HttpSession(stack.baseUrl).signIn(stack.staff.journalist)),
    );
    const writes: Write[] = [];
    let mergedAt = 0;
    const loops = editors.map(async (session) => {
      while (mergedAt === 0 || Date.now() - mergedAt < 1_500)
        writes.push(await write(session, citing, "development", "Cites the duplicate"));
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const merge = await admin.action<{ moved: number }>("mergeSourcesAction", {
      sourceId: duplicate,
      version: 1,
      intoSourceId: survivor,
    });
    mergedAt = Date.now();
    await Promise.all(loops);

    expect(merge.result, merge.body.slice(0, 300)).toMatchObject({ ok: true });
    const moved = (merge.result as { data: { moved: number } }).data.moved;
    const left = await pool.query(`SELECT 1 FROM "Citation" WHERE "sourceId" = $1 OR "viaSourceId" = $1`, [duplicate]);
    expect(left.rowCount, "citations still on the merged-away source").toBe(0);

    const refused = writes.filter((w) => w.outcome === "error");
    expect(writes.filter((w) => w.outcome === "unknown")).toEqual([]);
    for (const entry of refused) expect(entry.detail).toMatch(/merged/);
    const check = await checkWrites(pool, writes);
    expect(check.lost).toEqual([]);
    expect(check.halfApplied).toEqual([]);
    expect(check.refusedButStored).toEqual([]);
    expect(check.acknowledged).toBeGreaterThan(0);
    const onSurvivor = await pool.query(`SELECT 1 FROM "Citation" WHERE "sourceId" = $1`, [survivor]);
    expect(onSurvivor.rowCount).toBe(check.acknowledged);
    expect(moved).toBe(check.acknowledged);
    console.log(
      `source merge: ${check.acknowledged} citations written before the merge and moved, ${refused.length} refused after it`,
    );
    acknowledged += check.acknowledged;
    found += check.found;
  });
});
