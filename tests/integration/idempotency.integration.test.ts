// A create submitted twice with the same idempotency key stores one row and
// answers the repeat with the first result: at once (double click, two tabs)
// or later (a retry after a timeout). Different keys are different submissions.
import { beforeAll, describe, expect, it } from "vitest";
import { createDevelopmentAction } from "@/lib/actions/developments";
import { createSourceAction } from "@/lib/actions/sources";
import { db } from "@/lib/db/client";
import { createNegotiation, createSource } from "@/seeds/factories";
import { asUser, type TestUser } from "../support/request-context";
import { createStaff } from "../support/staff";

let journalist: TestUser;
let admin: TestUser;
let source: { id: string };

beforeAll(async () => {
  journalist = await createStaff("JOURNALIST");
  admin = await createStaff("ADMIN");
  source = await createSource(db(), { name: "Idempotency Wire", kind: "WIRE_AGENCY", reliability: "B" });
});

const key = (label: string) => `${label}-${Math.random().toString(36).slice(2, 12)}`;

function developmentInput(negotiationId: string, title: string, idempotencyKey?: string) {
  return {
    negotiationId,
    occurredOn: "2026-02-24",
    title,
    summary: "Logged twice by an impatient editor.",
    kind: "TALKS",
    citations: [{ sourceId: source.id, attribution: "a statement" }],
    ...(idempotencyKey ? { idempotencyKey } : {}),
  };
}

const rowsTitled = (title: string) => db().development.count({ where: { title } });
const auditsFor = (entityId: string) => db().auditEntry.count({ where: { entityType: "Development", entityId } });

describe("idempotent creates", () => {
  it("stores one row for a double submit sent at the same moment, and both get its id", async () => {
    const { negotiation } = await createNegotiation(db());
    for (let pair = 0; pair < 5; pair++) {
      const title = `Double click ${pair} ${key("t")}`;
      const input = developmentInput(negotiation.id, title, key("double"));
      const [first, second] = await Promise.all([
        asUser(journalist, () => createDevelopmentAction(null, input)),
        asUser(journalist, () => createDevelopmentAction(null, input)),
      ]);
      expect(first).toMatchObject({ ok: true });
      expect(second).toMatchObject({ ok: true });
      const ids = [first, second].map((r) => (r as { data: { id: string } }).data.id);
      expect(ids[0]).toBe(ids[1]);
      expect(await rowsTitled(title)).toBe(1);
      expect(await auditsFor(ids[0]!)).toBe(1);
    }
  });

  it("answers a later retry with the first result and says it was already saved", async () => {
    const { negotiation } = await createNegotiation(db());
    const title = `Retried ${key("t")}`;
    const input = developmentInput(negotiation.id, title, key("retry"));
    const first = await asUser(journalist, () => createDevelopmentAction(null, input));
    const results = [];
    for (let attempt = 0; attempt < 10; attempt++)
      results.push(await asUser(journalist, () => createDevelopmentAction(null, input)));
    expect(await rowsTitled(title)).toBe(1);
    for (const result of results) {
      expect(result).toMatchObject({ ok: true, data: (first as { data: unknown }).data });
      expect(result.message).toMatch(/already saved/i);
    }
  });

  it("never drops an edit: the same key sent with changed input is a new submission, not a repeat", async () => {
    // A write that timed out for the browser but committed, then edited and sent again with the kept key.
    const { negotiation } = await createNegotiation(db());
    const shared = key("edited");
    const title = `Edited ${key("t")}`;
    const first = await asUser(journalist, () =>
      createDevelopmentAction(null, developmentInput(negotiation.id, title, shared)),
    );
    const edited = await asUser(journalist, () =>
      createDevelopmentAction(null, developmentInput(negotiation.id, `${title} (corrected)`, shared)),
    );
    expect(first).toMatchObject({ ok: true });
    expect(edited).toMatchObject({ ok: true });
    expect(edited.message ?? "").not.toMatch(/already saved/i);
    expect(await rowsTitled(`${title} (corrected)`)).toBe(1);
  });

  it("takes the key from the Idempotency-Key header too, and keeps keys per user", async () => {
    const { negotiation } = await createNegotiation(db());
    const title = `Header ${key("t")}`;
    const shared = key("header");
    const viaHeader = (user: TestUser) =>
      asUser(user, (context) => {
        context.headers.set("Idempotency-Key", shared);
        return createDevelopmentAction(null, developmentInput(negotiation.id, title));
      });
    await viaHeader(journalist);
    await viaHeader(journalist);
    expect(await rowsTitled(title)).toBe(1);
    const colleague = await createStaff("JOURNALIST");
    await viaHeader(colleague);
    expect(await rowsTitled(title)).toBe(2);
  });

  it("stores separate submissions (different keys, or none) separately", async () => {
    const { negotiation } = await createNegotiation(db());
    const title = `Separate ${key("t")}`;
    await asUser(journalist, () => createDevelopmentAction(null, developmentInput(negotiation.id, title, key("a"))));
    await asUser(journalist, () => createDevelopmentAction(null, developmentInput(negotiation.id, title, key("b"))));
    await asUser(journalist, () => createDevelopmentAction(null, developmentInput(negotiation.id, title)));
    expect(await rowsTitled(title)).toBe(3);
  });

  it("lets a submission refused for its input be corrected and sent again with the same key", async () => {
    const { negotiation } = await createNegotiation(db());
    const title = `Corrected ${key("t")}`;
    const same = key("fix");
    const refused = await asUser(journalist, () =>
      createDevelopmentAction(null, { ...developmentInput(negotiation.id, title, same), occurredOn: "not a date" }),
    );
    expect(refused).toMatchObject({ ok: false, code: "INVALID" });
    const accepted = await asUser(journalist, () =>
      createDevelopmentAction(null, developmentInput(negotiation.id, title, same)),
    );
    expect(accepted).toMatchObject({ ok: true });
    expect(accepted.message).toBeUndefined();
    expect(await rowsTitled(title)).toBe(1);
  });

  it("works for every create built with the action wrapper (here: an admin's source)", async () => {
    const name = `Source ${key("s")}`;
    const input = { name, kind: "WIRE_AGENCY", reliability: "B", idempotencyKey: key("source") };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => asUser(admin, () => createSourceAction(null, input))),
    );
    for (const result of results) expect(result).toMatchObject({ ok: true });
    expect(await db().source.count({ where: { name } })).toBe(1);
  });
});
