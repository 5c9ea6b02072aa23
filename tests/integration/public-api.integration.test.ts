import { beforeAll, describe, expect, it } from "vitest";
import { GET as getDevelopments } from "@/app/api/v1/negotiations/[slug]/developments/route";
import { GET as getNegotiation } from "@/app/api/v1/negotiations/[slug]/route";
import { GET as listNegotiations } from "@/app/api/v1/negotiations/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { developmentPageSchema, errorSchema, negotiationListSchema, negotiationSchema } from "@/lib/api/schemas";
import { db } from "@/lib/db/client";
import { createNegotiation } from "@/seeds/factories";
import { runSeed } from "@/seeds/run";

const MARKER = "API-CONFIDENTIAL-2b7f";
const SWEIDA = "sweida-prisoner-exchange";
const request = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://parley.test/api/v1${path}`, { headers });
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });

beforeAll(async () => {
  await runSeed(db(), { includeDevelopmentStaff: false });
  await db().sourceConfidential.updateMany({ data: { notes: MARKER, contactConditions: MARKER } });
  await createNegotiation(db(), { publication: "DRAFT", slug: "secret-draft-talks" });
});

describe("public read API v1", () => {
  it("lists published negotiations in the documented shape, never drafts", async () => {
    const response = await listNegotiations(request("/negotiations"));
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = negotiationListSchema.parse(await response.json());
    expect(body.items.map((n) => n.slug)).toContain(SWEIDA);
    expect(body.items.map((n) => n.slug)).not.toContain("secret-draft-talks");
    expect(body.items.find((n) => n.slug === SWEIDA)!.currentTerms).toBe("61 civilians ↔ 30 security personnel");

    const byActor = negotiationListSchema.parse(
      await (await listNegotiations(request("/negotiations?actor=united-states"))).json(),
    );
    expect(byActor.items.map((n) => n.slug).sort()).toEqual(["israel-hamas-ceasefire-2025", SWEIDA]);
    const concluded = negotiationListSchema.parse(
      await (await listNegotiations(request("/negotiations?stage=CONCLUDED"))).json(),
    );
    expect(concluded.items.map((n) => n.slug)).toEqual(["russia-ukraine-1000-for-1000-may-2025"]);
    expect(concluded.items[0]!.sides).toEqual([
      { name: "Russia", text: "1,000 of 1,000" },
      { name: "Ukraine", text: "1,000 of 1,000" },
    ]);
  });

  it("returns one negotiation with current terms, history, participants, stages and figures, without confidential data", async () => {
    const response = await getNegotiation(request(`/negotiations/${SWEIDA}`), params(SWEIDA));
    const text = await response.text();
    expect(text).not.toContain(MARKER);
    const body = negotiationSchema.parse(JSON.parse(text));
    expect(body.currentTerms!.obligations.map((o) => [o.agreed!.kind, o.agreed!.value, o.agreed!.qualifier])).toEqual([
      ["EXACT", 61, null],
      ["EXACT", 30, null],
    ]);
    expect(body.phases).toHaveLength(1);
    expect(body.sides.map((side) => side.text)).toEqual(["0 of 61", "0 of 30"]);
    expect(body.termsHistory).toHaveLength(1);
    expect(body.participants.some((p) => p.role === "MEDIATOR" && p.actor.slug === "united-states")).toBe(true);
    expect(body.figures.find((f) => f.slug === "deaths-july-2025")!.claims).toHaveLength(2);
  });

  it("pages developments with citations and date precision", async () => {
    const body = developmentPageSchema.parse(
      await (
        await getDevelopments(request(`/negotiations/${SWEIDA}/developments?order=oldest`), params(SWEIDA))
      ).json(),
    );
    expect(body.total).toBe(6);
    expect(body.items[0]).toMatchObject({ occurredPrecision: "MONTH", occurredOn: "2025-07-01T00:00:00.000Z" });
    expect(body.items.at(-1)!.citations[0]!.via!.name).toBe("Agence France-Presse");
  });

  it("answers 304 to a conditional request when nothing changed, and 200 again after a change", async () => {
    const first = await getNegotiation(request(`/negotiations/${SWEIDA}`), params(SWEIDA));
    const etag = first.headers.get("etag")!;
    expect(first.headers.get("last-modified")).toBeTruthy();
    const again = await getNegotiation(request(`/negotiations/${SWEIDA}`, { "if-none-match": etag }), params(SWEIDA));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    await db().negotiation.update({ where: { slug: SWEIDA }, data: { summary: "Updated summary." } });
    expect(
      (await getNegotiation(request(`/negotiations/${SWEIDA}`, { "if-none-match": etag }), params(SWEIDA))).status,
    ).toBe(200);
  });

  it("answers bad parameters with 400 and unknown or draft negotiations with 404, in one error shape", async () => {
    for (const query of ["?page=0", "?page=abc", "?pageSize=1000", "?stage=WAR", "?actor=Not%20A%20Slug"]) {
      const response = await listNegotiations(request(`/negotiations${query}`));
      expect(response.status, query).toBe(400);
      expect(errorSchema.parse(await response.json()).error.code).toBe("bad_parameters");
    }
    expect(
      (await getDevelopments(request(`/negotiations/${SWEIDA}/developments?order=sideways`), params(SWEIDA))).status,
    ).toBe(400);
    expect((await listNegotiations(request("/negotiations?page=99"))).status).toBe(404);
    for (const slug of ["secret-draft-talks", "no-such-thing"]) {
      const response = await getNegotiation(request(`/negotiations/${slug}`), params(slug));
      expect(response.status).toBe(404);
      expect(errorSchema.parse(await response.json()).error.code).toBe("not_found");
    }
  });

  it("publishes an OpenAPI 3.1 document generated from the same schemas", async () => {
    const document = await (await getOpenApi()).json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual([
      "/negotiations",
      "/negotiations/{slug}",
      "/negotiations/{slug}/developments",
      "/negotiations/{slug}/events",
    ]);
    const listParameters = document.paths["/negotiations"].get.parameters.map((p: { name: string }) => p.name);
    expect(listParameters).toEqual(["stage", "actor", "page", "pageSize", "q", "lang", "Accept-Language"]);
    expect(document.paths["/negotiations/{slug}"].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      "slug",
      "lang",
      "Accept-Language",
    ]);
    const negotiation = document.paths["/negotiations/{slug}"].get.responses["200"].content["application/json"].schema;
    expect(Object.keys(negotiation.properties)).toEqual(Object.keys(negotiationSchema.shape));
  });
});
