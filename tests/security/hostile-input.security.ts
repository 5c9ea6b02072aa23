// Hostile input: every server action of the build (from its manifest, so a new
// action is covered or fails here for lack of a recipe) and every public query
// and path parameter gets the corpus in payloads.ts. Bad input must give a 4xx
// or a field error, never a 500 or an unexpected "ERROR" result.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { originalHash } from "@/lib/translations/state";
import { createNegotiation } from "@/seeds/factories";
import { HttpSession, parseActionResponse, serverActions, type ActionOutcome } from "../harness/staff-client";
import {
  authErrorCodes,
  reactReferenceBodies,
  deeplyNested,
  payloadsFor,
  rawBodies,
  stringPayloads,
  typePayloads,
  numberStringPayloads,
  datePayloads,
  type Payload,
} from "./payloads";
import { record } from "./tally";

const baseUrl = inject("baseUrl");
const staff = inject("staff");
const planted = inject("planted");
process.env.DATABASE_URL = inject("databaseUrl");

type Ids = {
  negotiationId: string;
  draftNegotiationId: string;
  participationId: string;
  actorA: string;
  actorB: string;
  developmentId: string;
  termsVersionId: string;
  sourceId: string;
};

type Recipe = (ids: Ids) => Record<string, unknown>;

const citation = (ids: Ids) => ({
  sourceId: ids.sourceId,
  attribution: "the agency said",
  url: "https://example.org/a",
  excerpt: "",
  publishedOn: "2026-01-02",
});

/** One valid input per action; each leaf is then replaced by every payload in turn. */
const recipes: Record<string, Recipe> = {
  changePasswordAction: () => ({
    currentPassword: "not-the-current-password",
    newPassword: "a-brand-new-password",
    confirmPassword: "a-brand-new-password",
  }),
  createDevelopmentAction: (ids) => ({
    negotiationId: ids.draftNegotiationId,
    occurredOn: "2026-01-05",
    title: "Talks resumed",
    summary: "Both sides met.",
    kind: "TALKS",
    actorIds: [ids.actorA],
    citations: [citation(ids)],
    stageChange: "",
    transfers: [],
    confirmOverAgreed: false,
  }),
  updateDevelopmentAction: (ids) => ({
    developmentId: ids.developmentId,
    version: 1,
    occurredOn: "2026-01-05",
    title: "Talks resumed",
    summary: "Both sides met.",
    kind: "TALKS",
    actorIds: [],
    citations: [citation(ids)],
    correctionNote: "",
    typoOnly: false,
  }),
  setDevelopmentPublicationAction: (ids) => ({
    developmentId: ids.developmentId,
    version: 1,
    publish: false,
    confirmSingleAnonymous: false,
  }),
  setDevelopmentArchivedAction: (ids) => ({ developmentId: ids.developmentId, version: 1, archived: false }),
  restoreDevelopmentRevisionAction: (ids) => ({
    developmentId: ids.developmentId,
    version: 1,
    revisionId: "1",
    correctionNote: "",
    typoOnly: false,
  }),
  saveTranslationAction: (ids) => ({
    field: "DEVELOPMENT_TITLE",
    entityId: ids.developmentId,
    locale: "ar",
    text: "الهدف",
    // The draft development made in beforeAll is titled "Target".
    originalHash: originalHash("Target"),
    version: 0,
  }),
  createNegotiationAction: () => ({
    title: "Hostile input",
    slug: "",
    summary: "",
    region: "Region",
    country: "Country",
    stage: "TALKS",
  }),
  updateNegotiationAction: (ids) => ({
    negotiationId: ids.draftNegotiationId,
    version: 1,
    title: "Hostile input",
    slug: "",
    summary: "",
    region: "Region",
    country: "Country",
    stage: "TALKS",
  }),
  setNegotiationPublicationAction: (ids) => ({ negotiationId: ids.draftNegotiationId, version: 999, publish: false }),
  addParticipantAction: (ids) => ({
    negotiationId: ids.draftNegotiationId,
    actorId: "",
    newActor: { name: "New actor", shortName: "", kind: "NGO", aliases: "اسم | ar" },
    role: "OBSERVER",
    side: "",
    description: "",
  }),
  setParticipantArchivedAction: (ids) => ({ participationId: ids.participationId, archived: false }),
  addFigureClaimAction: (ids) => ({
    negotiationId: ids.draftNegotiationId,
    figureId: "",
    newFigure: { label: "Detainees", unit: "people" },
    quantity: { kind: "RANGE", min: "40", max: "60", wording: "about 50" },
    asOf: "2026-01-01",
    note: "",
    citations: [citation(ids)],
  }),
  createSourceAction: () => ({
    name: "Hostile source",
    kind: "OUTLET",
    url: "https://example.org",
    language: "en",
    publicDescription: "",
    reliability: "C",
    ratingRationale: "",
    confidentialNotes: "",
    contactConditions: "",
  }),
  updateSourceAction: () => ({
    sourceId: planted.targets.sourceId,
    version: 999,
    name: "Hostile source",
    kind: "OUTLET",
    url: "",
    language: "",
    publicDescription: "",
    reliability: "C",
    ratingRationale: "",
    confidentialNotes: "",
    contactConditions: "",
  }),
  changeSourceStateAction: () => ({ sourceId: planted.targets.sourceId, version: 999, action: "archive" }),
  mergeSourcesAction: () => ({
    sourceId: planted.targets.sourceId,
    version: 999,
    intoSourceId: planted.targets.intoSourceId,
  }),
  createTermsVersionAction: (ids) => ({
    negotiationId: ids.draftNegotiationId,
    proposedOn: "2026-01-03",
    proposedById: "",
    phaseId: "",
    newPhaseName: "",
    status: "PROPOSED",
    summary: "",
    obligations: [
      {
        obligationId: "",
        releasingActorId: ids.actorA,
        receivingActorId: ids.actorB,
        quantity: { kind: "EXACT", value: "5", min: "", max: "", qualifier: "", wording: "" },
        perUnit: "",
        perUnitOf: "",
        category: "CIVILIANS",
        description: "",
        withdrawn: false,
      },
    ],
    citations: [],
  }),
  setTermsPublicationAction: (ids) => ({ termsVersionId: ids.termsVersionId, version: 999, publish: false }),
  discardTermsVersionAction: (ids) => ({ termsVersionId: ids.termsVersionId, version: 999 }),
  createPhaseAction: (ids) => ({ negotiationId: ids.draftNegotiationId, name: "Phase 2", summary: "" }),
  updatePhaseAction: (ids) => ({ phaseId: ids.draftNegotiationId, version: 999, name: "Phase 1", summary: "" }),
  createStaffUserAction: () => ({
    email: "hostile-input@stack.test",
    name: "Hostile Input",
    role: "JOURNALIST",
    password: "a-long-enough-password",
  }),
  setUserRoleAction: () => ({ userId: planted.targets.userId, role: "JOURNALIST" }),
  setUserActiveAction: () => ({ userId: planted.targets.userId, active: true }),
  resetUserPasswordAction: () => ({ userId: planted.targets.userId }),
  setNegotiationArchivedAction: (ids) => ({ negotiationId: ids.draftNegotiationId, version: 999, archived: false }),
  createQuickDevelopmentAction: (ids) => ({
    negotiationId: ids.draftNegotiationId,
    title: "Hostile quick entry",
    summary: "Hostile.",
    sourceId: ids.sourceId,
    url: "https://example.org/a",
    attribution: "",
  }),
  reArchiveAction: () => ({ url: "https://example.org/a" }),
  // Endpoints for a draft negotiation only: nothing public happens there, so none is ever called.
  createWebhookAction: (ids) => ({
    url: "https://partner.example/hook",
    description: "",
    events: ["stage.changed"],
    negotiationIds: [ids.draftNegotiationId],
  }),
  rotateWebhookSecretAction: (ids) => ({ endpointId: ids.draftNegotiationId }),
  setWebhookEnabledAction: (ids) => ({ endpointId: ids.draftNegotiationId, enabled: false }),
  deleteWebhookAction: (ids) => ({ endpointId: ids.draftNegotiationId }),
};

/** Every leaf (and every array) of an input, as a path of keys and indexes. */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, index) => paths(item, [...prefix, index]))];
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, inner]) => paths(inner, [...prefix, key]));
  return [prefix];
}

function withValue(
  input: Record<string, unknown>,
  path: Array<string | number>,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(input);
  let target = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path.at(-1)!] = value;
  return copy;
}

/**
 * The result's code: parsed from the response, or (when React streamed a long
 * echoed value as a separate text chunk) read from the result row itself.
 */
function resultCode(outcome: ActionOutcome): string | null {
  if (outcome.result) return outcome.result.ok ? "OK" : outcome.result.code;
  return /"ok":false,"code":"([A-Z_]+)"/.exec(outcome.body)?.[1] ?? (/"ok":true/.test(outcome.body) ? "OK" : null);
}

/** A problem with one call, or null when the app answered as it should. */
function problem(outcome: ActionOutcome): string | null {
  if (outcome.status >= 500) return `HTTP ${outcome.status}`;
  if (outcome.status >= 400) return null;
  const code = resultCode(outcome);
  if (code === null) return `HTTP ${outcome.status} without an action result`;
  return code === "ERROR" ? `"ERROR" result: ${outcome.body.slice(0, 300)}` : null;
}

let admin: HttpSession;
let ids: Ids;

beforeAll(async () => {
  admin = await new HttpSession(baseUrl).signIn(staff.admin);
  const prisma = db();
  const { negotiation, sideA, sideB } = await createNegotiation(prisma, {
    publication: "DRAFT",
    title: "Hostile input target",
  });
  const participation = await prisma.participation.findFirstOrThrow({ where: { negotiationId: negotiation.id } });
  const terms = await prisma.termsVersion.findFirstOrThrow({ where: { negotiationId: negotiation.id } });
  const development = await prisma.development.create({
    data: {
      negotiationId: negotiation.id,
      occurredOn: new Date("2026-01-04T00:00:00Z"),
      title: "Target",
      summary: "Target.",
      kind: "OTHER",
    },
  });
  const source = await prisma.source.findFirstOrThrow({ where: { status: "ACTIVE" }, orderBy: { slug: "asc" } });
  ids = {
    negotiationId: planted.public.negotiationId,
    draftNegotiationId: negotiation.id,
    participationId: participation.id,
    actorA: sideA.id,
    actorB: sideB.id,
    developmentId: development.id,
    termsVersionId: terms.id,
    sourceId: source.id,
  };
});

afterAll(async () => {
  await disconnectDb();
});

describe("hostile input to server actions", () => {
  it("has an input recipe for every server action in the build", () => {
    const actions = [...serverActions().keys()];
    expect(actions.length).toBeGreaterThan(15);
    expect(actions.filter((name) => !recipes[name])).toEqual([]);
  });

  it("refuses every action to anonymous visitors without a server error", async () => {
    const anonymous = new HttpSession(baseUrl);
    const problems: string[] = [];
    for (const name of serverActions().keys()) {
      const outcome = await anonymous.action(name, recipes[name]!(ids));
      // Refused either by the proxy (staff pages send visitors to sign in) or by the action itself.
      const refused = [303, 307, 401, 403].includes(outcome.status) || resultCode(outcome) === "UNAUTHENTICATED";
      if (!refused) problems.push(`${name}: HTTP ${outcome.status} ${JSON.stringify(outcome.result)}`);
    }
    record({ payloads: serverActions().size, serverErrors: problems.length });
    expect(problems).toEqual([]);
  });

  it("answers the base recipes without server errors (they reach validation and the data layer)", async () => {
    const problems: string[] = [];
    for (const name of serverActions().keys()) {
      const outcome = await admin.action(name, recipes[name]!(ids));
      const found = problem(outcome);
      if (found) problems.push(`${name}: ${found}`);
    }
    expect(problems).toEqual([]);
  });

  for (const name of Object.keys(recipes)) {
    it(`${name}: every field survives the corpus`, async () => {
      if (!serverActions().has(name)) return;
      const base = recipes[name]!(ids);
      const problems: string[] = [];
      let tried = 0;
      for (const path of paths(base)) {
        const original = path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)[key], base);
        for (const payload of payloadsFor(String(path.at(-1)), original)) {
          const outcome = await admin.action(name, withValue(base, path, payload.value));
          tried += 1;
          const found = problem(outcome);
          if (found) problems.push(`${path.join(".")} = ${payload.name}: ${found}`);
        }
      }
      // Whole-input payloads: the argument itself of the wrong type, and a body over the size limit.
      for (const payload of [
        ...typePayloads,
        { name: "string instead of an object", value: "input" },
        { name: "deeply nested object", value: deeplyNested(300) },
        { name: "1 MB string field", value: { ...base, [Object.keys(base)[0]!]: "x".repeat(1_100_000) } },
      ]) {
        const outcome = await admin.action(name, payload.value);
        tried += 1;
        const found = problem(outcome);
        if (found) problems.push(`whole input = ${payload.name}: ${found}`);
      }
      record({ payloads: tried, serverErrors: problems.length });
      expect(problems).toEqual([]);
    });
  }

  it("answers malformed action bodies (invalid UTF-8, broken JSON, deep nesting) with a 4xx or a field error", async () => {
    const problems: string[] = [];
    let tried = 0;
    for (const [name, reference] of serverActions()) {
      for (const raw of rawBodies) {
        const response = await admin.fetch(reference.page, {
          method: "POST",
          headers: {
            "next-action": reference.id,
            "content-type": raw.contentType ?? "text/plain;charset=UTF-8",
            accept: "text/x-component",
            origin: baseUrl,
          },
          body: typeof raw.body === "string" ? raw.body : Buffer.from(raw.body),
        });
        const body = await response.text();
        tried += 1;
        const found = problem({ status: response.status, result: parseActionResponse(body), body });
        if (found) problems.push(`${name} with ${raw.name}: ${found}`);
      }
    }
    record({ payloads: tried, serverErrors: problems.length });
    expect(problems).toEqual([]);
  });
});

describe("React wire-format references", () => {
  it("answers action bodies with unresolvable React references with a 400, with a forged cookie or a real session", async () => {
    const forged = new HttpSession(baseUrl);
    const problems: string[] = [];
    let tried = 0;
    for (const [name, reference] of serverActions()) {
      for (const raw of reactReferenceBodies()) {
        for (const [who, session, cookie] of [
          ["any cookie", forged, "next-auth.session-token=forged; other=1"],
          ["admin", admin, undefined],
        ] as const) {
          const headers: Record<string, string> = {
            "next-action": reference.id,
            accept: "text/x-component",
            origin: baseUrl,
          };
          if (typeof raw.body === "string") headers["content-type"] = "text/plain;charset=UTF-8";
          if (cookie) headers.cookie = cookie;
          const response = await session.fetch(reference.page, { method: "POST", headers, body: raw.body });
          await response.arrayBuffer();
          tried += 1;
          if (response.status !== 400) problems.push(`${name} with ${raw.name} (${who}): HTTP ${response.status}`);
        }
      }
    }
    record({ payloads: tried, serverErrors: problems.filter((p) => / HTTP 5\d\d$/.test(p)).length });
    expect(problems).toEqual([]);
  });

  it("answers next-auth's error page with any code (non-ASCII, CR, LF) without a server error", async () => {
    const problems: string[] = [];
    for (const code of authErrorCodes) {
      const response = await fetch(`${baseUrl}/api/auth/error?error=${code}`, { redirect: "manual" });
      await response.arrayBuffer();
      const location = response.headers.get("location") ?? "";
      if (response.status >= 500) problems.push(`${code}: HTTP ${response.status}`);
      else if (response.status >= 300 && new URL(location, baseUrl).pathname !== "/sign-in")
        problems.push(`${code}: redirected to ${location}`);
    }
    record({ payloads: authErrorCodes.length, serverErrors: problems.filter((p) => / HTTP 5\d\d$/.test(p)).length });
    expect(problems).toEqual([]);
  });
});

// ───── Public routes ─────

/** How a payload travels in a query string: arrays repeat the parameter, objects use bracket keys. */
function queryWith(name: string, payload: Payload): string {
  const encode = (text: string) => {
    try {
      return encodeURIComponent(text);
    } catch {
      return "%ED%A0%80"; // a lone surrogate cannot be encoded: send the invalid UTF-8 bytes instead
    }
  };
  const { value } = payload;
  if (Array.isArray(value)) return value.map((item) => `${name}=${encode(String(item))}`).join("&") || `${name}[]=`;
  if (value && typeof value === "object") return `${name}[nested]=1&${name}[__proto__][x]=1`;
  return `${name}=${encode(String(value))}`;
}

function segmentWith(payload: Payload): string {
  try {
    return (
      encodeURIComponent(
        typeof payload.value === "object" ? JSON.stringify(payload.value) : String(payload.value),
      ).slice(0, 4000) || "%20"
    );
  } catch {
    return "%ED%A0%80";
  }
}

const queryPayloads: Payload[] = [
  ...stringPayloads.filter((p) => p.name !== "200 kB string"),
  { name: "4 kB string", value: "A".repeat(4_000) },
  ...typePayloads,
  ...numberStringPayloads,
  ...datePayloads,
];

describe("hostile input to public and staff routes", () => {
  const slug = planted.public.negotiationSlug;
  const routes: Array<{ path: string; params: string[]; as?: "admin" | "journalist" }> = [
    { path: "/", params: ["q", "show"] },
    { path: `/negotiations/${slug}`, params: ["page", "order"] },
    { path: "/api/v1/negotiations", params: ["stage", "actor", "page", "pageSize"] },
    { path: `/api/v1/negotiations/${slug}/developments`, params: ["order", "page"] },
    { path: "/api/oembed", params: ["url", "format", "maxwidth"] },
    { path: "/sign-in", params: ["callbackUrl", "error"] },
    { path: "/follow/check-inbox", params: ["problem"] },
    { path: "/follow/confirm", params: ["token", "result"] },
    { path: "/follow/unsubscribe", params: ["token", "result"] },
    { path: "/ar/follow/check-inbox", params: ["problem"] },
    { path: "/ar/follow/confirm", params: ["token", "result"] },
    { path: "/ar/follow/unsubscribe", params: ["token", "result"] },
    { path: "/api/follow/unsubscribe", params: ["token", "lang"] },
    { path: "/api/editor/sources", params: ["q"] },
    { path: "/api/editor/sources", params: ["q"], as: "journalist" },
    {
      path: `/api/editor/negotiations/${planted.public.negotiationId}/export`,
      params: ["format", "dataset", "scope"],
      as: "journalist",
    },
    {
      path: "/api/admin/audit/export",
      params: ["userId", "entityType", "negotiationId", "from", "to", "cursor", "limit"],
      as: "admin",
    },
    { path: "/admin/audit", params: ["userId", "from", "to", "cursor", "limit"], as: "admin" },
    { path: "/admin/sources", params: ["q", "kind", "rating", "status", "sort", "page"], as: "admin" },
  ];

  it("answers every query parameter payload without a server error", async () => {
    const sessions = {
      admin: await new HttpSession(baseUrl).signIn(staff.admin),
      journalist: await new HttpSession(baseUrl).signIn(staff.journalist),
    };
    const problems: string[] = [];
    let tried = 0;
    for (const route of routes) {
      const session = route.as ? sessions[route.as] : new HttpSession(baseUrl);
      for (const param of route.params) {
        for (const payload of queryPayloads) {
          const response = await session.fetch(`${route.path}?${queryWith(param, payload)}`);
          await response.arrayBuffer();
          tried += 1;
          // oEmbed's specification requires 501 for an unsupported format; anything else 5xx is a failure.
          const specified = route.path === "/api/oembed" && param === "format" && response.status === 501;
          if (response.status >= 500 && !specified)
            problems.push(`${route.path} ${param} = ${payload.name}: HTTP ${response.status}`);
        }
      }
    }
    record({ payloads: tried, serverErrors: problems.length });
    expect(problems).toEqual([]);
  });

  it("answers hostile posts to the reader's alert routes with a redirect or a 4xx, never a 500", async () => {
    // The e-mail field is what is fuzzed: a valid address would count against the sign-up limit of
    // this client (127.0.0.1), which follow.security.ts also signs up from.
    const forms = [
      ...stringPayloads.map((p) => ({ path: "/api/follow/subscribe", name: `email ${p.name}`, field: "email", p })),
      ...stringPayloads.map((p) => ({ path: "/api/follow/confirm", name: `token ${p.name}`, field: "token", p })),
      ...stringPayloads.map((p) => ({ path: "/api/follow/confirm", name: `locale ${p.name}`, field: "locale", p })),
    ];
    const problems: string[] = [];
    for (const { path, name, field, p } of forms) {
      const body = new URLSearchParams({ [field]: String(p.value), negotiation: slug });
      const response = await fetch(`${baseUrl}${path}`, { method: "POST", body, redirect: "manual" });
      await response.arrayBuffer();
      if (response.status >= 500) problems.push(`${path} ${name}: HTTP ${response.status}`);
    }
    // The language field with a valid address: anything but en/ar is a 400 before the sign-up
    // limit counts it (values that are languages are left out: they would count).
    const hostileLocales = stringPayloads.filter((p) => !["", "en", "ar"].includes(String(p.value)));
    for (const p of hostileLocales) {
      const body = new URLSearchParams({
        email: "hostile-locale@follow.test",
        negotiation: slug,
        locale: String(p.value),
      });
      const response = await fetch(`${baseUrl}/api/follow/subscribe`, { method: "POST", body, redirect: "manual" });
      await response.arrayBuffer();
      if (response.status !== 400) problems.push(`/api/follow/subscribe locale ${p.name}: HTTP ${response.status}`);
    }
    for (const path of ["/api/follow/subscribe", "/api/follow/confirm", "/api/follow/unsubscribe?token=x"]) {
      for (const raw of rawBodies) {
        const response = await fetch(`${baseUrl}${path}`, {
          method: "POST",
          body: typeof raw.body === "string" ? raw.body : Buffer.from(raw.body),
          headers: { "content-type": raw.contentType ?? "application/x-www-form-urlencoded" },
          redirect: "manual",
        });
        await response.arrayBuffer();
        if (response.status >= 500) problems.push(`${path} ${raw.name}: HTTP ${response.status}`);
      }
    }
    record({ payloads: forms.length + hostileLocales.length + 3 * rawBodies.length, serverErrors: problems.length });
    expect(problems).toEqual([]);
  });

  it("answers every path parameter payload with a 4xx, never a 500", async () => {
    const templates = [
      "/negotiations/{}",
      "/negotiations/{}/corrections",
      "/negotiations/{}/feed.xml",
      "/negotiations/{}/atom.xml",
      "/negotiations/{}/opengraph-image",
      "/embed/negotiations/{}",
      "/api/v1/negotiations/{}",
      "/api/v1/negotiations/{}/developments",
      "/actors/{}",
      "/sources/{}",
      "/api/editor/negotiations/{}/export",
    ];
    const journalist = await new HttpSession(baseUrl).signIn(staff.journalist);
    const problems: string[] = [];
    let tried = 0;
    for (const template of templates) {
      for (const payload of queryPayloads) {
        const response = await journalist.fetch(template.replace("{}", segmentWith(payload)));
        await response.arrayBuffer();
        tried += 1;
        if (response.status >= 500 || response.status < 300)
          problems.push(`${template} with ${payload.name}: HTTP ${response.status}`);
      }
    }
    record({ payloads: tried, serverErrors: problems.filter((p) => / HTTP 5\d\d$/.test(p)).length });
    expect(problems).toEqual([]);
  });
});
