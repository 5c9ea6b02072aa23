// The exchange-ledger migration converts the old terms model (terms items and implementation
// steps) without loss: a database is built at the previous migration, filled the old way,
// migrated, and compared.
import { cp, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { MIGRATIONS_DIR, applyMigrations, listMigrationNames } from "@/lib/db/migrations";
import { databaseUrl } from "../support/urls";

const LEDGER_MIGRATION = "20261129145828_exchange_ledger";
const FIGURE_MIGRATION = "20261129180657_figure_quantity_account_source";
const adminUrl = inject("adminUrl");

/** Runs one or more `;`-separated statements, each given the parameters it uses. */
async function query(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let rows: Array<Record<string, any>> = []; // eslint-disable-line @typescript-eslint/no-explicit-any
    for (const statement of sql
      .split(/;\s*\n/)
      .map((s) => s.trim().replace(/;$/, ""))
      .filter(Boolean)) {
      // PostgreSQL refuses parameters a statement does not use, so each gets only its own, renumbered.
      const used = [...new Set([...statement.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])))];
      const text = statement.replace(/\$(\d+)/g, (_, n: string) => `$${used.indexOf(Number(n)) + 1}`);
      rows = (
        await client.query(
          text,
          used.map((n) => values[n - 1]),
        )
      ).rows;
    }
    return rows;
  } finally {
    await client.end();
  }
}

/** A database with every migration before `migration` applied. */
async function databaseBefore(migration: string): Promise<string> {
  const name = `parley_ledger_${inject("runId")}_${Math.random().toString(36).slice(2, 8)}`;
  await query(adminUrl, `CREATE DATABASE "${name}"`);
  const url = databaseUrl(adminUrl, name);
  const dir = await mkdtemp(path.join(os.tmpdir(), "parley-migrations-"));
  const names = await listMigrationNames();
  const previous = names.slice(0, names.indexOf(migration));
  for (const migration of previous)
    await cp(path.join(MIGRATIONS_DIR, migration), path.join(dir, migration), { recursive: true });
  await writeFile(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
  expect(await applyMigrations(url, dir)).toEqual(previous);
  return url;
}

const databaseBeforeLedger = () => databaseBefore(LEDGER_MIGRATION);

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("the exchange-ledger migration", () => {
  it("turns terms items into obligations that keep their identity across versions, and steps into transfers", async () => {
    const url = await databaseBeforeLedger();
    const [n1, n2, a, b, v1, v2, p1, p2, dev] = [
      id(1),
      id(2),
      id(3),
      id(4),
      id(5),
      id(6),
      id(7),
      id(8),
      id(9),
    ] as const;
    await query(
      url,
      `INSERT INTO "Actor" (id, slug, name, kind, "updatedAt") VALUES ($1, 'side-a', 'Side A', 'GOVERNMENT', now()), ($2, 'side-b', 'Side B', 'ARMED_GROUP', now());
       INSERT INTO "Negotiation" (id, slug, title, region, country, stage, "updatedAt") VALUES
         ($3, 'old-exchange', 'Old exchange', 'R', 'C', 'IMPLEMENTATION', now()),
         ($4, 'phased-deal', 'Phased deal', 'R', 'C', 'AGREEMENT', now());
       INSERT INTO "StageChange" (id, "negotiationId", stage, "effectiveOn", note) VALUES
         ($5, $3, 'AGREEMENT', '2026-11-01', 'Tracking started.'),
         ($6, $3, 'IMPLEMENTATION', '2025-05-23', 'Batch one');`,
      [a, b, n1, n2, id(50), id(51)],
    );
    await query(
      url,
      `INSERT INTO "TermsVersion" (id, "negotiationId", number, "proposedOn", status, "updatedAt", "supersedesId") VALUES
         ($1, $3, 1, '2025-05-01', 'AGREED', now(), NULL),
         ($2, $3, 2, '2025-05-20', 'PARTIALLY_IMPLEMENTED', now(), $1);
       INSERT INTO "TermsVersion" (id, "negotiationId", number, phase, "proposedOn", "updatedAt") VALUES
         ($4, $6, 1, 'Phase 1', '2025-01-15', now()),
         ($5, $6, 2, 'Phase 2', '2025-02-15', now());`,
      [v1, v2, n1, p1, p2, n2],
    );
    const item = (
      n: number,
      version: string,
      position: number,
      counts: string,
      category: string,
      releasing = a,
      receiving = b,
    ) =>
      query(
        url,
        `INSERT INTO "TermsItem" (id, "termsVersionId", position, "releasingActorId", "receivingActorId", "countExact", "countMin", "countMax", "countWording", category, description)
         SELECT $1::uuid, $2::uuid, $3::int, $4::uuid, $5::uuid, c."countExact", c."countMin", c."countMax", c."countWording", $6::"ReleaseCategory", 'd' || $3::int
         FROM json_to_record($7::json) AS c("countExact" int, "countMin" int, "countMax" int, "countWording" text)`,
        [id(n), version, position, releasing, receiving, category, counts],
      );
    await item(100, v1, 0, '{"countExact": 880}', "SECURITY_PERSONNEL");
    await item(101, v1, 1, '{"countMin": 20, "countMax": 30}', "CIVILIANS", b, a);
    await item(102, v1, 2, '{"countMin": 40, "countWording": "at least 40"}', "FIGHTERS");
    await item(110, v2, 0, '{"countExact": 900}', "SECURITY_PERSONNEL");
    await item(111, v2, 1, '{"countMin": 20, "countMax": 30}', "CIVILIANS", b, a);
    await item(112, v2, 2, '{"countWording": "dozens"}', "REMAINS");
    await item(120, p1, 0, '{"countExact": 33}', "HOSTAGES");
    await item(121, p2, 0, '{"countExact": 33}', "HOSTAGES");
    await query(
      url,
      `INSERT INTO "Development" (id, "negotiationId", "occurredOn", title, summary, kind, "updatedAt") VALUES ($1, $2, '2025-05-23', 'Batch', 'First batch', 'RELEASE', now());
       INSERT INTO "ImplementationStep" (id, "termsItemId", "releasedCount", "occurredOn", "developmentId", note) VALUES
         ($3, $4, 390, '2025-05-23', $1, 'with its development'),
         ($5, $4, 100, '2025-05-24', $1, 'a day later'),
         ($6, $7, 12, '2025-05-25', NULL, 'no development');`,
      [dev, n1, id(200), id(100), id(201), id(202), id(111)],
    );

    // The ledger migration and every one after it.
    const names = await listMigrationNames();
    expect(await applyMigrations(url)).toEqual(names.slice(names.indexOf(LEDGER_MIGRATION)));

    const phases = await query(
      url,
      `SELECT "negotiationId", number, name FROM "Phase" ORDER BY "negotiationId", number`,
    );
    expect(phases).toEqual([
      { negotiationId: n1, number: 1, name: "" },
      { negotiationId: n2, number: 1, name: "Phase 1" },
      { negotiationId: n2, number: 2, name: "Phase 2" },
    ]);
    const terms = await query(
      url,
      `SELECT t.id, t."obligationId", t."quantityKind" AS kind, t."quantityValue" AS value, t."quantityMin" AS min,
              t."quantityMax" AS max, t."quantityQualifier" AS qualifier, t."quantityWording" AS wording, t.description,
              o.category, o."releasingActorId" AS releasing, v.number, p.name AS phase
       FROM "ObligationTerm" t JOIN "Obligation" o ON o.id = t."obligationId"
       JOIN "TermsVersion" v ON v.id = t."termsVersionId" JOIN "Phase" p ON p.id = v."phaseId" ORDER BY t.id`,
    );
    const byId = new Map(terms.map((t) => [t.id, t]));
    // Same sides and category in the superseding version: the same obligation.
    expect(byId.get(id(110))!.obligationId).toBe(byId.get(id(100))!.obligationId);
    expect(byId.get(id(111))!.obligationId).toBe(byId.get(id(101))!.obligationId);
    expect(byId.get(id(112))!.obligationId).not.toBe(byId.get(id(102))!.obligationId);
    // Different phases never share an obligation.
    expect(byId.get(id(121))!.obligationId).not.toBe(byId.get(id(120))!.obligationId);
    expect(
      [100, 101, 102, 110, 112].map((n) => {
        const t = byId.get(id(n))!;
        return [t.kind, t.value, t.min, t.max, t.qualifier, t.wording, t.description];
      }),
    ).toEqual([
      ["EXACT", 880, null, null, null, null, "d0"],
      ["RANGE", null, 20, 30, null, null, "d1"],
      ["APPROXIMATE", 40, null, null, "AT_LEAST", "at least 40", "d2"],
      ["EXACT", 900, null, null, null, null, "d0"],
      ["UNKNOWN", null, null, null, null, "dozens", "d2"],
    ]);
    expect(terms).toHaveLength(8);

    const transfers = await query(
      url,
      `SELECT id, "obligationId", "developmentId", "quantityKind" AS kind, "quantityValue" AS value,
              to_char("occurredOn", 'YYYY-MM-DD') AS "occurredOn", note FROM "Transfer" ORDER BY id`,
    );
    expect(transfers).toEqual([
      {
        id: id(200),
        obligationId: byId.get(id(100))!.obligationId,
        developmentId: dev,
        kind: "EXACT",
        value: 390,
        occurredOn: null,
        note: "with its development",
      },
      {
        id: id(201),
        obligationId: byId.get(id(100))!.obligationId,
        developmentId: dev,
        kind: "EXACT",
        value: 100,
        occurredOn: "2025-05-24",
        note: "a day later",
      },
      {
        id: id(202),
        obligationId: byId.get(id(111))!.obligationId,
        developmentId: null,
        kind: "EXACT",
        value: 12,
        occurredOn: "2025-05-25",
        note: "no development",
      },
    ]);
    // The creation row no longer outranks real, earlier-dated events.
    const stages = await query(
      url,
      `SELECT stage, to_char("effectiveOn", 'YYYY-MM-DD') AS "on" FROM "StageChange" ORDER BY id`,
    );
    expect(stages).toEqual([
      { stage: "AGREEMENT", on: null },
      { stage: "IMPLEMENTATION", on: "2025-05-23" },
    ]);
    const tables = await query(
      url,
      `SELECT to_regclass('"TermsItem"') AS items, to_regclass('"ImplementationStep"') AS steps`,
    );
    expect(tables).toEqual([{ items: null, steps: null }]);
  });
});

describe("the figure-quantity migration", () => {
  it("turns each old claim (wording, low/high, qualifier) into the ledger's quantity type without false precision", async () => {
    const url = await databaseBefore(FIGURE_MIGRATION);
    const [n, f] = [id(1), id(2)];
    // [wording, low, high, old qualifier] → [kind, value, min, max, new qualifier]
    const cases: Array<[string, number | null, number | null, string | null, unknown[]]> = [
      ["789", 789, 789, "EXACT", ["EXACT", 789, null, null, null]],
      ["789 exactly", 789, 789, null, ["EXACT", 789, null, null, null]],
      ["more than 2,000", 2000, null, "MORE_THAN", ["APPROXIMATE", 2000, null, null, "MORE_THAN"]],
      ["at least 40", 40, null, "AT_LEAST", ["APPROXIMATE", 40, null, null, "AT_LEAST"]],
      ["at most 90", null, 90, "AT_MOST", ["APPROXIMATE", 90, null, null, "UP_TO"]],
      ["about 1,900", 1900, 1900, "APPROXIMATELY", ["APPROXIMATE", 1900, null, null, "ABOUT"]],
      ["tens of thousands", 10000, null, "APPROXIMATELY", ["APPROXIMATE", 10000, null, null, "AT_LEAST"]],
      ["40 to 60", 40, 60, null, ["RANGE", null, 40, 60, null]],
      ["some 40 to 60", 40, 60, "APPROXIMATELY", ["RANGE", null, 40, 60, null]],
      ["a floor of 12", 12, null, null, ["APPROXIMATE", 12, null, null, "AT_LEAST"]],
      ["thousands", null, null, null, ["UNKNOWN", null, null, null, null]],
    ];
    await query(
      url,
      `INSERT INTO "Negotiation" (id, slug, title, region, country, stage, "updatedAt") VALUES ($1, 'figures', 'Figures', 'R', 'C', 'TALKS', now());
       INSERT INTO "Figure" (id, "negotiationId", slug, label, unit, "updatedAt") VALUES ($2, $1, 'held', 'Held', 'people', now())`,
      [n, f],
    );
    for (const [i, [wording, low, high, qualifier]] of cases.entries())
      await query(
        url,
        `INSERT INTO "FigureClaim" (id, "figureId", wording, "valueMin", "valueMax", qualifier, position, "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6::"ValueQualifier", $7, now())`,
        [id(100 + i), f, wording, low, high, qualifier, i],
      );

    const names = await listMigrationNames();
    expect(await applyMigrations(url)).toEqual(names.slice(names.indexOf(FIGURE_MIGRATION)));

    const rows = await query(
      url,
      `SELECT "quantityKind", "quantityValue", "quantityMin", "quantityMax", "quantityQualifier", "quantityWording"
       FROM "FigureClaim" ORDER BY position`,
    );
    expect(rows.map((r) => Object.values(r))).toEqual(cases.map(([wording, , , , expected]) => [...expected, wording]));
  });
});
