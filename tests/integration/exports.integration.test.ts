import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/editor/negotiations/[id]/export/route";
import { db } from "@/lib/db/client";
import { runSeed } from "@/seeds/run";
import { asUser, type TestUser } from "../support/request-context";
import { createStaff } from "../support/staff";

const MARKER = "EXPORT-CONFIDENTIAL-3c3c";
let journalist: TestUser;
let negotiationId: string;

beforeAll(async () => {
  await runSeed(db(), { includeDevelopmentStaff: false });
  await db().sourceConfidential.updateMany({ data: { notes: MARKER } });
  journalist = await createStaff("JOURNALIST");
  negotiationId = (await db().negotiation.findUniqueOrThrow({ where: { slug: "sweida-prisoner-exchange" } })).id;
  await db().development.create({
    data: {
      negotiationId,
      title: "Unpublished lead",
      summary: "Draft.",
      kind: "OTHER",
      occurredOn: new Date("2026-03-01T00:00:00Z"),
    },
  });
});

const get = (query: string, user: TestUser | null = journalist) =>
  asUser(user, () =>
    exportRoute(new Request(`http://x/api/editor/negotiations/${negotiationId}/export${query}`), {
      params: Promise.resolve({ id: negotiationId }),
    }),
  );

describe("staff exports", () => {
  it("are refused to readers", async () => {
    expect((await get("", null)).status).toBe(401);
  });

  it("export public fields only by default, and drafts only in the staff scope; never confidential notes", async () => {
    const publicJson = await (await get("?format=json")).json();
    expect(publicJson.timeline).toHaveLength(6);
    expect(publicJson.timeline.map((d: { title: string }) => d.title)).not.toContain("Unpublished lead");
    expect(publicJson.terms[0].terms).toBe("61 civilians ↔ 30 security personnel");
    expect(publicJson.figures.map((f: { claim: string }) => f.claim)).toContain("more than 2,000");
    const staffJson = await (await get("?format=json&scope=staff")).json();
    expect(staffJson.timeline.map((d: { title: string; state: string }) => [d.title, d.state])).toContainEqual([
      "Unpublished lead",
      "DRAFT",
    ]);
    expect(JSON.stringify([publicJson, staffJson])).not.toContain(MARKER);
  });

  it("exports one dataset as CSV and answers bad parameters with 400", async () => {
    const response = await get("?format=csv&dataset=citations");
    expect(response.headers.get("content-type")).toContain("text/csv");
    const csv = await response.text();
    expect(csv.split("\r\n")[0]).toBe("supports,source,via,attribution,url,publishedOn");
    expect(csv).toContain(
      "Druze source with knowledge of the talks,Agence France-Presse,a Druze source who requested anonymity",
    );
    expect(csv).not.toContain(MARKER);
    expect((await get("?format=xml")).status).toBe(400);
  });
});
