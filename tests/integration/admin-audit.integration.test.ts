import { randomBytes, randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/admin/audit/export/route";
import {
  auditEntriesCsv,
  listAuditEntries,
  listAuditFilterOptions,
  redactAuditJson,
  type AuditPageQuery,
} from "@/lib/data/admin/audit";
import { writeAudit } from "@/lib/data/audit";
import { createNegotiation as createNegotiationAsEditor } from "@/lib/data/editor/negotiations";
import { db } from "@/lib/db/client";
import { AuthenticationRequiredError, ForbiddenError } from "@/lib/errors";
import { parseAuditFilter } from "@/lib/validation/audit";
import { asAnonymous, asUser, type TestUser } from "../support/request-context";
import { createStaff } from "../support/staff";

let admin: TestUser;
let journalist: TestUser;

beforeAll(async () => {
  admin = await createStaff("ADMIN");
  journalist = await createStaff("JOURNALIST");
});

const unique = () => randomBytes(4).toString("hex");

async function createNegotiation(title = `Talks ${unique()}`) {
  return db().negotiation.create({
    data: { slug: `talks-${unique()}`, title, region: "Sweida", country: "Syria" },
    select: { id: true, title: true },
  });
}

type Row = {
  at: string;
  userId?: string | null;
  entityType?: string;
  entityId?: string;
  action?: string;
  negotiationId?: string | null;
  before?: object;
  after?: object;
};

async function audit(row: Row): Promise<string> {
  const created = await db().auditEntry.create({
    data: {
      at: new Date(row.at),
      userId: row.userId ?? null,
      action: row.action ?? "test.change",
      entityType: row.entityType ?? "Development",
      entityId: row.entityId ?? unique(),
      negotiationId: row.negotiationId ?? null,
      before: row.before,
      after: row.after,
    },
    select: { id: true },
  });
  return created.id.toString();
}

const asAdmin = <T>(fn: () => Promise<T>) => asUser(admin, fn);
const ids = async (filter: AuditPageQuery) => (await asAdmin(() => listAuditEntries(filter))).entries.map((e) => e.id);

/** RFC 4180 reader, strict enough to catch an unescaped quote, comma or newline. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') {
      if (cell !== "") throw new Error(`Stray quote in cell starting ${cell}`);
      quoted = true;
    } else if (char === ",") endCell();
    else if (char === "\r" && text[i + 1] === "\n") {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += char;
  }
  if (quoted) throw new Error("Unterminated quoted cell");
  if (cell !== "" || row.length) throw new Error("The CSV does not end with CRLF");
  return rows;
}

describe("who may read the audit log", () => {
  it("refuses anonymous visitors and journalists in every function", async () => {
    const calls: Array<() => Promise<unknown>> = [
      () => listAuditEntries({}),
      () => listAuditFilterOptions(),
      () => auditEntriesCsv({}),
    ];
    for (const call of calls) {
      await expect(asAnonymous(call)).rejects.toBeInstanceOf(AuthenticationRequiredError);
      await expect(asUser(journalist, call)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(asAdmin(() => listAuditEntries({}))).resolves.toBeDefined();
  });

  it("maps the export route's refusals and bad input to 401, 403 and 400", async () => {
    const request = (query = "") => new NextRequest(`http://localhost/api/admin/audit/export${query}`);
    const anonymous = await asAnonymous(() => exportRoute(request()));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    const refused = await asUser(journalist, () => exportRoute(request()));
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain("id,at,user");
    const invalid = await asAdmin(() => exportRoute(request("?from=2025-13-45")));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      error: { code: "INVALID", fields: { from: [expect.stringMatching(/YYYY-MM-DD/)] } },
    });
    const ok = await asAdmin(() => exportRoute(request("?entityType=User")));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(ok.headers.get("content-disposition")).toMatch(
      /^attachment; filename="parley-audit-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(ok.headers.get("cache-control")).toBe("private, no-store");
    expect((await ok.text()).replace(/^\uFEFF/, "")).toMatch(
      /^id,at,user,action,entityType,entityId,negotiation,changedFields,before,after\r\n/,
    );
  });
});

describe("listing and filtering", () => {
  it("filters by user, record type, negotiation and an inclusive UTC date range", async () => {
    const [alice, bob] = [await createStaff("JOURNALIST"), await createStaff("ADMIN")];
    const [first, second] = [await createNegotiation(), await createNegotiation()];
    const r1 = await audit({
      at: "2021-03-01T10:00:00Z",
      userId: alice.id,
      entityType: "Negotiation",
      negotiationId: first.id,
    });
    const r2 = await audit({
      at: "2021-03-02T23:59:59.999Z",
      userId: bob.id,
      entityType: "FilterProbe",
      negotiationId: first.id,
    });
    const r3 = await audit({
      at: "2021-03-03T00:00:00Z",
      userId: alice.id,
      entityType: "FilterProbe",
      negotiationId: second.id,
    });
    const r4 = await audit({
      at: "2021-03-04T00:00:00Z",
      userId: null,
      entityType: "FilterProbe",
      before: { role: "JOURNALIST", version: 1 },
      after: { role: "ADMIN", version: 2 },
    });

    expect(await ids({ userId: alice.id })).toEqual([r3, r1]);
    expect(await ids({ entityType: "FilterProbe" })).toEqual([r4, r3, r2]);
    expect(await ids({ negotiationId: first.id })).toEqual([r2, r1]);
    expect(await ids({ userId: alice.id, entityType: "FilterProbe" })).toEqual([r3]);

    // Dates come through the same parser as the page, so "to" covers the whole day.
    const day = parseAuditFilter({ from: "2021-03-02", to: "2021-03-02" });
    if (!day.ok) throw new Error("valid dates were refused");
    expect(await ids(day.filter)).toEqual([r2]);
    const range = parseAuditFilter({ from: "2021-03-01", to: "2021-03-03" });
    if (!range.ok) throw new Error("valid dates were refused");
    expect(await ids(range.filter)).toEqual([r3, r2, r1]);

    const { entries } = await asAdmin(() => listAuditEntries({ entityType: "FilterProbe", negotiationId: second.id }));
    expect(entries).toEqual([
      expect.objectContaining({
        id: r3,
        at: "2021-03-03T00:00:00.000Z",
        entityType: "FilterProbe",
        negotiation: second,
        userEmail: alice.email,
      }),
    ]);
    const [system] = (
      await asAdmin(() =>
        listAuditEntries({
          entityType: "FilterProbe",
          to: new Date("2021-03-04T12:00:00Z"),
          from: new Date("2021-03-04T00:00:00Z"),
        }),
      )
    ).entries;
    expect(system).toMatchObject({
      id: r4,
      userName: "System / seed",
      userEmail: null,
      negotiation: null,
      changedFields: ["role"],
    });

    const options = await asAdmin(() => listAuditFilterOptions());
    expect(options.users).toEqual(
      expect.arrayContaining([
        { id: alice.id, name: expect.any(String) },
        { id: bob.id, name: expect.any(String) },
      ]),
    );
    expect(options.negotiations).toEqual(expect.arrayContaining([first, second]));
    expect(options.entityTypes).toEqual(expect.arrayContaining(["FilterProbe", "Negotiation"]));
    expect(new Set(options.entityTypes).size).toBe(options.entityTypes.length);
  });

  it("pages with a keyset cursor: disjoint pages, newest first, covering every row", async () => {
    const user = await createStaff("JOURNALIST");
    // Times deliberately out of insertion order, with ties, so id order alone would be wrong.
    const times = ["2022-01-05", "2022-01-01", "2022-01-03", "2022-01-03", "2022-01-07", "2022-01-03", "2022-01-02"];
    const created: Array<{ id: string; at: string }> = [];
    for (const at of times) created.push({ id: await audit({ at: `${at}T12:00:00Z`, userId: user.id }), at });
    const expected = [...created]
      .sort((a, b) => b.at.localeCompare(a.at) || Number(BigInt(b.id) - BigInt(a.id)))
      .map((r) => r.id);

    const pages: string[][] = [];
    let cursor: bigint | undefined;
    do {
      const page = await asAdmin(() => listAuditEntries({ userId: user.id, limit: 3, cursor }));
      pages.push(page.entries.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined && pages.length < 10);

    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(expected);
    expect(new Set(pages.flat()).size).toBe(times.length);
    // An exact multiple of the page size ends without an empty extra page.
    const two = await asAdmin(() => listAuditEntries({ userId: user.id, limit: 7 }));
    expect(two.nextCursor).toBeNull();
  });
});

describe("CSV export", () => {
  it("escapes commas, quotes and newlines and defuses spreadsheet formulas", async () => {
    const user = await createStaff("JOURNALIST");
    await db().user.update({ where: { id: user.id }, data: { name: "=cmd|' /C calc'!A0" } });
    const negotiation = await createNegotiation('+Talks, "quoted"');
    const tricky = 'a, "b"\nc';
    const after = { title: '=HYPERLINK("x")', summary: tricky, tab: "\tlead" };
    const id = await audit({
      at: "2023-05-05T05:05:05Z",
      userId: user.id,
      entityType: "CsvProbe",
      entityId: '=HYPERLINK("x")',
      action: "@SUM(1)",
      negotiationId: negotiation.id,
      before: { title: "-old" },
      after,
    });
    await audit({ at: "2023-05-06T00:00:00Z", entityType: "CsvProbe", action: "-minus", entityId: "\r\nreturn" });

    const csv = await asAdmin(() => auditEntriesCsv({ entityType: "CsvProbe" }));
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([
      "id",
      "at",
      "user",
      "action",
      "entityType",
      "entityId",
      "negotiation",
      "changedFields",
      "before",
      "after",
    ]);
    expect(rows).toHaveLength(2);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    const row = rows.find((cells) => cells[0] === id);
    expect(row).toEqual([
      id,
      "2023-05-05T05:05:05.000Z",
      `'=cmd|' /C calc'!A0 <${user.email}>`,
      "'@SUM(1)",
      "CsvProbe",
      `'=HYPERLINK("x")`,
      `'+Talks, "quoted"`,
      "summary; tab; title",
      JSON.stringify({ title: "-old" }),
      expect.any(String),
    ]);
    expect(JSON.parse(row?.[9] ?? "")).toEqual(after);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(rows.find((cells) => cells[0] !== id)).toEqual(
      expect.arrayContaining(["'-minus", "'\r\nreturn", "System / seed"]),
    );
  });
});

describe("confidential source notes", () => {
  it("never show in the list or the CSV, though the change itself does", async () => {
    const sourceId = (
      await db().source.create({
        data: { slug: `src-${unique()}`, name: "A source", kind: "INDIVIDUAL" },
        select: { id: true },
      })
    ).id;
    const row1 = await audit({
      at: "2024-02-02T00:00:00Z",
      entityType: "SourceConfidential",
      entityId: sourceId,
      before: { notes: "MARKER-old", contactConditions: "MARKER-cc" },
      after: { notes: "MARKER-abc", contactConditions: "MARKER-cc2", sourceId },
    });
    const row2 = await audit({
      at: "2024-02-03T00:00:00Z",
      entityType: "Source",
      entityId: sourceId,
      before: { name: "Visible", confidential: { notes: "MARKER-nested-old" } },
      after: {
        name: "Visible",
        confidentialNotes: "MARKER-abc",
        Contact_Conditions: "MARKER-x",
        history: [{ confidentialNotes: "MARKER-array" }],
        confidential: { notes: "MARKER-nested" },
      },
    });
    const row3 = await audit({
      at: "2024-02-04T00:00:00Z",
      entityType: "Development",
      after: { notes: "public editorial note" },
    });

    const { entries } = await asAdmin(() => listAuditEntries({ limit: 200 }));
    const listed = JSON.stringify(entries);
    const csv = await asAdmin(() => auditEntriesCsv({}));
    for (const output of [listed, csv]) {
      expect(output).not.toContain("MARKER");
      expect(output).toContain("[confidential]");
    }
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect(byId.get(row1)).toMatchObject({
      changedFields: ["contactConditions", "notes", "sourceId"],
      after: { notes: "[confidential]", sourceId },
    });
    expect(byId.get(row2)).toMatchObject({
      changedFields: ["Contact_Conditions", "confidential", "confidentialNotes", "history"],
      after: {
        name: "Visible",
        confidentialNotes: "[confidential]",
        history: [{ confidentialNotes: "[confidential]" }],
        confidential: { notes: "[confidential]" },
      },
    });
    // Only SourceConfidential notes are secret; other records' notes stay readable.
    expect(byId.get(row3)?.after).toEqual({ notes: "public editorial note" });
    expect(redactAuditJson({ notes: "x" }, "SourceConfidential")).toEqual({ notes: "[confidential]" });
    expect(redactAuditJson([{ contactConditions: "x" }, 3, null])).toEqual([
      { contactConditions: "[confidential]" },
      3,
      null,
    ]);
  });
});

describe("filter input from the query string", () => {
  it("turns bad input into field errors, never an exception", () => {
    const bad = parseAuditFilter({
      from: "2025-13-45",
      limit: "abc",
      userId: "not-a-uuid",
      negotiationId: "1; DROP TABLE",
      entityType: "x'--",
      cursor: "-1",
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.from).toEqual(["Enter a real date as YYYY-MM-DD."]);
    expect(bad.errors.limit).toEqual(["Show between 1 and 200 entries per page."]);
    expect(bad.errors.userId).toEqual(["Choose a staff member from the list."]);
    expect(bad.errors.negotiationId).toEqual(["Choose a negotiation from the list."]);
    expect(bad.errors.entityType).toEqual(["Choose a record type from the list."]);
    expect(bad.errors.cursor?.[0]).toMatch(/page link is broken/);

    for (const input of [
      { to: "2025-02-30" },
      { from: "14/07/2025" },
      { from: "2025-07" },
      { limit: "201" },
      { limit: "0" },
      { cursor: "99999999999999999999" },
    ]) {
      const parsed = parseAuditFilter(input);
      expect(parsed.ok, JSON.stringify(input)).toBe(false);
    }
    const reversed = parseAuditFilter({ from: "2025-03-02", to: "2025-03-01" });
    expect(reversed).toMatchObject({ ok: false, errors: { to: ["The end date is before the start date."] } });
  });

  it("reads good input: blanks are unset, dates are UTC days, the page size defaults to 50", () => {
    const parsed = parseAuditFilter({
      userId: "",
      entityType: ["Development", "User"],
      from: "2025-03-02",
      to: "2025-03-02",
      cursor: "42",
    });
    expect(parsed).toMatchObject({ ok: true });
    if (!parsed.ok) return;
    expect(parsed.filter).toEqual({
      entityType: "Development",
      from: new Date("2025-03-02T00:00:00.000Z"),
      to: new Date("2025-03-02T23:59:59.999Z"),
      cursor: 42n,
      limit: 50,
    });
    expect(parseAuditFilter(new URLSearchParams("limit=200"))).toMatchObject({ ok: true, filter: { limit: 200 } });
  });
});

describe("the client of each change", () => {
  it("records the address and user agent, shows them in the admin log and keeps them out of the CSV export", async () => {
    const title = `Client talks ${unique()}`;
    const { id } = await asUser(journalist, async (request) => {
      // As the production server leaves it: the socket address last (lib/security/forwarded-for.ts).
      request.headers.set("x-forwarded-for", "203.0.113.50, 198.51.100.23");
      request.headers.set("user-agent", "ParleyAuditTest/1.0 (client column)");
      return createNegotiationAsEditor({ title, summary: "", region: "Sweida", country: "Syria", stage: "TALKS" });
    });
    const { entries } = await asUser(admin, () => listAuditEntries({ entityType: "Negotiation", negotiationId: id }));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "negotiation.create",
      described: true,
      clientAddress: "198.51.100.23",
      userAgent: "ParleyAuditTest/1.0 (client column)",
    });
    const csv = await asUser(admin, () => auditEntriesCsv({ negotiationId: id }));
    expect(csv).toContain("negotiation.create");
    expect(csv).not.toContain("198.51.100.23");
    expect(csv).not.toContain("ParleyAuditTest");
  });

  it("records no client for a change made outside a request (scripts, seeds)", async () => {
    const negotiation = await seededNegotiation();
    const { entries } = await asUser(admin, () => listAuditEntries({ negotiationId: negotiation.id }));
    expect(entries.map((e) => [e.clientAddress, e.userAgent])).toEqual([[null, null]]);
  });
});

/** A negotiation with an audit row written the way the seeder writes one, with no request around it. */
async function seededNegotiation() {
  const negotiation = await createNegotiation();
  await db().$transaction((tx) =>
    writeAudit(tx, {
      userId: null,
      action: "seed.create",
      entityType: "Negotiation",
      entityId: negotiation.id,
      negotiationId: negotiation.id,
      after: { title: negotiation.title },
    }),
  );
  return negotiation;
}

describe("the log's wording", () => {
  it("names a translation event by its language and the text it translates; an undescribed row has no label", async () => {
    const entityId = randomUUID();
    const translation = {
      id: entityId,
      field: "CORRECTION_NOTE",
      entityId,
      locale: "ar",
      text: "ذكرت نسخة سابقة شهرًا خاطئًا.",
      originalHash: "b".repeat(64),
      version: 1,
    };
    await audit({
      at: "2031-05-01T10:00:00Z",
      action: "translation.save",
      entityType: "ContentTranslation",
      entityId,
      after: translation,
    });
    await audit({ at: "2031-05-01T10:00:01Z", action: "test.change", entityType: "ContentTranslation", entityId });
    const { entries } = await asAdmin(() =>
      listAuditEntries({ entityType: "ContentTranslation", from: new Date("2031-05-01T00:00:00Z") }),
    );
    const labels = entries.filter((e) => e.entityId === entityId).map((e) => [e.action, e.label]);
    expect(labels).toEqual([
      ["test.change", null],
      ["translation.save", "Arabic translation added: Correction note"],
    ]);
  });
});
