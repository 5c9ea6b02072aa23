// Quick entry: a development from a headline, a text and who says so, in at most five fields.
import { beforeAll, describe, expect, it } from "vitest";
import { createNegotiationAction } from "@/lib/actions/negotiations";
import { createQuickDevelopmentAction } from "@/lib/actions/quick-entry";
import { db } from "@/lib/db/client";
import { createSource } from "@/seeds/factories";
import { asUser, type TestUser } from "../support/request-context";
import { createStaff } from "../support/staff";

let journalist: TestUser;
let negotiationId: string;
const domain = `wire-${Date.now()}.example`;

beforeAll(async () => {
  journalist = await createStaff("JOURNALIST");
  const created = await asUser(journalist, () =>
    createNegotiationAction(null, { title: `Quick entry ${domain}`, region: "R", country: "C", stage: "TALKS" }),
  );
  negotiationId = (created as { data: { id: string } }).data.id;
  await createSource(db(), { name: "The Example Wire", url: `https://www.${domain}/`, reliability: "B" });
});

const quick = (input: Record<string, unknown>) =>
  asUser(journalist, () =>
    createQuickDevelopmentAction(null, { negotiationId, title: "Talks resume", summary: "They met again.", ...input }),
  );

async function citationOf(id: string) {
  return db().citation.findFirstOrThrow({
    where: { developmentId: id },
    select: { attribution: true, url: true, source: { select: { name: true, status: true, url: true } } },
  });
}

describe("quick entry", () => {
  it("recognises a known source from the link's domain, with or without www", async () => {
    const result = await quick({ url: `https://${domain}/world/talks-resume-1` });
    expect(result).toMatchObject({ ok: true, data: { source: "The Example Wire", how: "recognised" } });
    const id = (result as { data: { id: string } }).data.id;
    const development = await db().development.findUniqueOrThrow({ where: { id } });
    expect(development).toMatchObject({ publication: "DRAFT", kind: "OTHER", occurredPrecision: "DAY" });
    expect(await citationOf(id)).toMatchObject({
      attribution: "The Example Wire",
      url: `https://${domain}/world/talks-resume-1`,
      source: { name: "The Example Wire" },
    });
  });

  it("proposes an unknown domain as a new source for review, keeping the attribution given", async () => {
    const other = `unknown-${Date.now()}.example`;
    const result = await quick({ url: `https://news.${other}/a`, attribution: "a local reporter" });
    expect(result).toMatchObject({ ok: true, data: { source: `news.${other}`, how: "proposed" } });
    expect(await citationOf((result as { data: { id: string } }).data.id)).toMatchObject({
      attribution: "a local reporter",
      source: { name: `news.${other}`, status: "PROPOSED", url: `https://news.${other}` },
    });
  });

  it("takes a picked source, and answers missing input field by field", async () => {
    const afp = await createSource(db(), { name: "Picked Agency" });
    expect(await quick({ sourceId: afp.id })).toMatchObject({ ok: true, data: { how: "picked" } });
    expect(await quick({ title: "", summary: "", url: "javascript:alert(1)" })).toMatchObject({
      ok: false,
      errors: {
        title: [expect.any(String)],
        summary: [expect.any(String)],
        url: [expect.stringContaining("http")],
      },
    });
    expect(await quick({})).toMatchObject({
      ok: false,
      errors: { sourceId: [expect.stringContaining("Pick a source")] },
    });
  });
});
