// Shared by the resilience files: counts for the summary line, direct SQL to
// check what the database really holds, and write inputs with unique keys.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { ActionOutcome, HttpSession } from "@/tests/harness/staff-client";

export const COUNTS_FILE = path.resolve("test-results/resilience-counts.jsonl");

export type Counts = {
  faults: number;
  acknowledged: number;
  found: number;
  serverErrors: number;
  outageAnswers: number;
};
const zero: Counts = { faults: 0, acknowledged: 0, found: 0, serverErrors: 0, outageAnswers: 0 };

export function recordCounts(counts: Partial<Counts>): void {
  mkdirSync(path.dirname(COUNTS_FILE), { recursive: true });
  appendFileSync(COUNTS_FILE, `${JSON.stringify({ ...zero, ...counts })}\n`);
}

export function readCounts(): Counts {
  if (!existsSync(COUNTS_FILE)) return { ...zero };
  const totals = { ...zero };
  for (const line of readFileSync(COUNTS_FILE, "utf8").split("\n").filter(Boolean)) {
    const row = JSON.parse(line) as Counts;
    for (const key of Object.keys(totals) as Array<keyof Counts>) totals[key] += row[key] ?? 0;
  }
  return totals;
}

export const sql = (databaseUrl: string) => new pg.Pool({ connectionString: databaseUrl, max: 3 });

export type SeedFacts = {
  negotiationId: string;
  slug: string;
  actorIds: [string, string];
  sourceIds: [string, string];
};

/** The seed's single-phase published negotiation, its two parties and two reviewed sources. */
export async function seedFacts(pool: pg.Pool): Promise<SeedFacts> {
  const negotiation = await pool.query<{ id: string; slug: string }>(
    // The Sweida case: one phase, so terms need no phase choice (the other seeded cases have several).
    `SELECT id, slug FROM "Negotiation" WHERE slug = 'sweida-prisoner-exchange' AND publication = 'PUBLISHED' AND "archivedAt" IS NULL`,
  );
  // Its two parties, so an obligation between them is a real one (not a side releasing to itself).
  const actors = await pool.query<{ id: string }>(
    `SELECT "actorId" AS id FROM "Participation" WHERE "negotiationId" = $1 AND role = 'PARTY' AND "archivedAt" IS NULL ORDER BY "actorId" LIMIT 2`,
    [negotiation.rows[0]?.id],
  );
  const sources = await pool.query<{ id: string }>(
    `SELECT id FROM "Source" WHERE status = 'ACTIVE' AND "mergedIntoId" IS NULL ORDER BY id LIMIT 2`,
  );
  if (!negotiation.rows[0] || actors.rows.length < 2 || sources.rows.length < 2)
    throw new Error("The seed lacks a published negotiation, two actors or two sources");
  return {
    negotiationId: negotiation.rows[0].id,
    slug: negotiation.rows[0].slug,
    actorIds: [actors.rows[0]!.id, actors.rows[1]!.id],
    sourceIds: [sources.rows[0]!.id, sources.rows[1]!.id],
  };
}

let sequence = 0;
/** A title no other write in this run uses, to find the write afterwards. */
export const uniqueKey = (label: string) =>
  `${label} ${process.pid}-${Date.now().toString(36)}-${(sequence++).toString(36)}`;

export const citation = (sourceId: string, attribution = "Said so in a statement") => ({ sourceId, attribution });

export function developmentInput(negotiationId: string, title: string, sourceIds: string[]) {
  return {
    negotiationId,
    occurredOn: "2025-06-01",
    title,
    summary: `Logged by the resilience suite: ${title}`,
    kind: "STATEMENT",
    actorIds: [],
    citations: sourceIds.map((id, index) => citation(id, `Attribution ${index + 1} for ${title}`)),
  };
}

export function termsInput(facts: SeedFacts, summary: string) {
  return {
    negotiationId: facts.negotiationId,
    proposedOn: "2025-06-01",
    status: "PROPOSED",
    summary,
    obligations: [
      {
        releasingActorId: facts.actorIds[0],
        receivingActorId: facts.actorIds[1],
        quantity: { kind: "EXACT", value: 5 },
        category: "CIVILIANS",
      },
    ],
    citations: [citation(facts.sourceIds[0])],
  };
}

export type Write = {
  kind: "development" | "terms";
  key: string;
  citations: number;
  outcome: "ok" | "error" | "unknown";
  detail: string;
};

/** Sends one write and records whether the user was told it succeeded or failed. */
export async function write(
  session: HttpSession,
  facts: SeedFacts,
  kind: Write["kind"],
  label: string,
): Promise<Write> {
  const key = uniqueKey(label);
  const citations = kind === "development" ? 2 : 1;
  let outcome: ActionOutcome | undefined;
  try {
    outcome =
      kind === "development"
        ? await session.action("createDevelopmentAction", developmentInput(facts.negotiationId, key, facts.sourceIds))
        : await session.action("createTermsVersionAction", termsInput(facts, key));
  } catch (error) {
    return { kind, key, citations, outcome: "unknown", detail: (error as Error).message };
  }
  if (outcome.result?.ok === true) return { kind, key, citations, outcome: "ok", detail: "" };
  if (outcome.result?.ok === false)
    return { kind, key, citations, outcome: "error", detail: `${outcome.result.code}: ${outcome.result.message}` };
  return { kind, key, citations, outcome: "unknown", detail: `HTTP ${outcome.status}: ${outcome.body.slice(0, 200)}` };
}

export type WriteCheck = {
  acknowledged: number;
  found: number;
  lost: Write[];
  halfApplied: Write[];
  refusedButStored: Write[];
};

/**
 * Every acknowledged write is stored whole (the record and all its citations);
 * every refused one left nothing behind.
 */
export async function checkWrites(pool: pg.Pool, writes: Write[]): Promise<WriteCheck> {
  const check: WriteCheck = { acknowledged: 0, found: 0, lost: [], halfApplied: [], refusedButStored: [] };
  for (const entry of writes) {
    const rows =
      entry.kind === "development"
        ? await pool.query<{ citations: string }>(
            `SELECT (SELECT count(*) FROM "Citation" c WHERE c."developmentId" = d.id) AS citations FROM "Development" d WHERE d.title = $1`,
            [entry.key],
          )
        : await pool.query<{ citations: string }>(
            `SELECT (SELECT count(*) FROM "Citation" c WHERE c."termsVersionId" = t.id) AS citations FROM "TermsVersion" t WHERE t.summary = $1`,
            [entry.key],
          );
    const whole = rows.rows.length === 1 && Number(rows.rows[0]!.citations) === entry.citations;
    if (entry.outcome === "ok") {
      check.acknowledged += 1;
      if (whole) check.found += 1;
      else if (rows.rows.length === 0) check.lost.push(entry);
      else check.halfApplied.push(entry);
    } else if (entry.outcome === "error" && rows.rows.length > 0) {
      check.refusedButStored.push(entry);
    }
  }
  return check;
}

/** Rows of one development as stored, for consistency checks. */
export async function developmentRow(pool: pg.Pool, id: string) {
  const { rows } = await pool.query<{ title: string; publication: string; version: number }>(
    `SELECT title, publication, version FROM "Development" WHERE id = $1`,
    [id],
  );
  return rows[0];
}
