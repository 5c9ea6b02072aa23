// The authorization matrix with VALID input (authorization-matrix.integration.test.ts calls every
// action with empty input, which only proves the wrapper refuses before validation). Here each
// action gets input that would succeed, on records made for that call: a role that may act
// succeeds, one that may not is refused and nothing is written. The admin-only data functions are
// then called directly, past the action wrapper, so their own role check is what refuses.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as auditExport } from "@/app/api/admin/audit/export/route";
import { GET as negotiationExport } from "@/app/api/editor/negotiations/[id]/export/route";
import { GET as sourceSearch } from "@/app/api/editor/sources/route";
import { changePasswordAction } from "@/lib/actions/account";
import type { ActionResult } from "@/lib/actions/define-action";
import * as archiveActions from "@/lib/actions/archive";
import * as developmentActions from "@/lib/actions/developments";
import * as quickEntryActions from "@/lib/actions/quick-entry";
import * as webhookActions from "@/lib/actions/webhooks";
import * as negotiationActions from "@/lib/actions/negotiations";
import * as sourceActions from "@/lib/actions/sources";
import * as termsActions from "@/lib/actions/terms";
import * as translationActions from "@/lib/actions/translations";
import * as userActions from "@/lib/actions/users";
import { countAlertSubscribers } from "@/lib/data/admin/alert-subscribers";
import { changeSourceState, createSource, mergeSources, updateSource } from "@/lib/data/admin/sources";
import { createStaffUser, resetUserPassword, setUserActive, setUserRole } from "@/lib/data/users";
import { db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import { originalHash } from "@/lib/translations/state";
import { createNegotiation, createSource as createSourceRow } from "@/seeds/factories";
import { asUser, type TestUser } from "../support/request-context";
import { createStaff, TEST_PASSWORD } from "../support/staff";

type Role = "journalist" | "admin";
type Action = (state: unknown, input: Record<string, unknown>) => Promise<ActionResult<unknown>>;
/** Makes the records one call needs and returns input that would succeed for a permitted caller. */
type Recipe = (me: TestUser) => Promise<Record<string, unknown>>;

const unique = () => randomBytes(4).toString("hex");
const prisma = () => db();

async function draft() {
  const made = await createNegotiation(prisma(), { publication: "DRAFT" });
  const source = await createSourceRow(prisma(), { status: "ACTIVE" });
  return { ...made, source };
}

const citation = (sourceId: string) => ({ sourceId, attribution: "the agency said", excerpt: "", url: "" });

const developmentFacts = (sourceId: string) => ({
  occurredOn: "2026-01-05",
  title: "Talks resumed",
  summary: "Both sides met.",
  kind: "TALKS",
  citations: [citation(sourceId)],
});

async function developmentOn(negotiationId: string) {
  return prisma().development.create({
    data: {
      negotiationId,
      occurredOn: new Date("2026-01-04T00:00:00Z"),
      title: "Target",
      summary: "T.",
      kind: "OTHER",
    },
  });
}

const staffTarget = async () => (await createStaff("JOURNALIST")).id;

/** A registered webhook endpoint to act on (its secret has the stored format). */
const endpoint = async () =>
  (
    await prisma().webhookEndpoint.create({
      data: {
        url: `https://partner.example/hooks/${unique()}`,
        events: ["development.published"],
        negotiationIds: [],
        secret: `whsec_${randomBytes(24).toString("base64")}`,
      },
      select: { id: true },
    })
  ).id;

const journalistActions: Record<string, [Action, Recipe]> = {
  createNegotiationAction: [
    negotiationActions.createNegotiationAction,
    async () => ({ title: `Valid ${unique()}`, summary: "", region: "R", country: "C", stage: "TALKS" }),
  ],
  updateNegotiationAction: [
    negotiationActions.updateNegotiationAction,
    async () => {
      const { negotiation } = await draft();
      return { negotiationId: negotiation.id, version: 1, title: "Renamed", region: "R", country: "C", stage: "TALKS" };
    },
  ],
  setNegotiationPublicationAction: [
    negotiationActions.setNegotiationPublicationAction,
    async () => ({ negotiationId: (await draft()).negotiation.id, version: 1, publish: true }),
  ],
  setNegotiationArchivedAction: [
    negotiationActions.setNegotiationArchivedAction,
    async () => ({ negotiationId: (await draft()).negotiation.id, version: 1, archived: true }),
  ],
  createQuickDevelopmentAction: [
    quickEntryActions.createQuickDevelopmentAction,
    async () => {
      const { negotiation, source } = await draft();
      return { negotiationId: negotiation.id, title: "Breaking", summary: "It happened.", sourceId: source.id };
    },
  ],
  reArchiveAction: [
    archiveActions.reArchiveAction,
    async () => {
      const { negotiation, source } = await draft();
      const development = await developmentOn(negotiation.id);
      const url = `https://example.org/report-${unique()}`;
      await prisma().citation.create({
        data: { developmentId: development.id, sourceId: source.id, attribution: "a report", url },
      });
      return { url };
    },
  ],
  addParticipantAction: [
    negotiationActions.addParticipantAction,
    async () => {
      const actor = await prisma().actor.create({ data: { slug: `a-${unique()}`, name: "Obs", kind: "NGO" } });
      return { negotiationId: (await draft()).negotiation.id, actorId: actor.id, role: "OBSERVER" };
    },
  ],
  setParticipantArchivedAction: [
    negotiationActions.setParticipantArchivedAction,
    async () => {
      const { negotiation, mediator } = await draft();
      const row = await prisma().participation.findFirstOrThrow({
        where: { negotiationId: negotiation.id, actorId: mediator.id },
      });
      return { participationId: row.id, archived: true };
    },
  ],
  addFigureClaimAction: [
    negotiationActions.addFigureClaimAction,
    async () => {
      const { negotiation, source } = await draft();
      return {
        negotiationId: negotiation.id,
        newFigure: { label: "Detainees", unit: "people" },
        quantity: { kind: "RANGE", min: "40", max: "60", wording: "about 50" },
        citations: [citation(source.id)],
      };
    },
  ],
  createDevelopmentAction: [
    developmentActions.createDevelopmentAction,
    async () => {
      const { negotiation, source } = await draft();
      return {
        negotiationId: negotiation.id,
        ...developmentFacts(source.id),
      };
    },
  ],
  updateDevelopmentAction: [
    developmentActions.updateDevelopmentAction,
    async () => {
      const { negotiation, source } = await draft();
      const development = await developmentOn(negotiation.id);
      return {
        developmentId: development.id,
        version: 1,
        ...developmentFacts(source.id),
      };
    },
  ],
  setDevelopmentPublicationAction: [
    developmentActions.setDevelopmentPublicationAction,
    async () => {
      const { negotiation, source } = await draft();
      const development = await developmentOn(negotiation.id);
      await prisma().citation.create({
        data: { developmentId: development.id, sourceId: source.id, attribution: "the agency said" },
      });
      return { developmentId: development.id, version: 1, publish: true };
    },
  ],
  setDevelopmentArchivedAction: [
    developmentActions.setDevelopmentArchivedAction,
    async () => ({
      developmentId: (await developmentOn((await draft()).negotiation.id)).id,
      version: 1,
      archived: true,
    }),
  ],
  restoreDevelopmentRevisionAction: [
    developmentActions.restoreDevelopmentRevisionAction,
    async (me) => {
      // A real revision to restore: the development as the editor first saved it.
      const { negotiation, source } = await draft();
      const created = await asUser(me, () =>
        developmentActions.createDevelopmentAction(null, {
          negotiationId: negotiation.id,
          occurredOn: "2026-01-05",
          title: "First wording",
          summary: "S.",
          kind: "TALKS",
          citations: [citation(source.id)],
        }),
      );
      const developmentId = (created as { data: { id: string } }).data.id;
      const revision = await prisma().auditEntry.findFirstOrThrow({
        where: { entityType: "Development", entityId: developmentId },
      });
      return { developmentId, version: 1, revisionId: revision.id.toString() };
    },
  ],
  createTermsVersionAction: [
    termsActions.createTermsVersionAction,
    async () => {
      const { negotiation, sideA, sideB } = await draft();
      return {
        negotiationId: negotiation.id,
        proposedOn: "2026-01-03",
        status: "PROPOSED",
        obligations: [
          {
            releasingActorId: sideA.id,
            receivingActorId: sideB.id,
            category: "CIVILIANS",
            quantity: { kind: "EXACT", value: "5" },
          },
        ],
      };
    },
  ],
  setTermsPublicationAction: [
    termsActions.setTermsPublicationAction,
    async () => {
      const { negotiation } = await draft();
      const terms = await prisma().termsVersion.findFirstOrThrow({ where: { negotiationId: negotiation.id } });
      return { termsVersionId: terms.id, version: terms.version, publish: false };
    },
  ],
  discardTermsVersionAction: [
    termsActions.discardTermsVersionAction,
    async () => {
      const { negotiation } = await draft();
      const terms = await prisma().termsVersion.update({
        where: { id: (await prisma().termsVersion.findFirstOrThrow({ where: { negotiationId: negotiation.id } })).id },
        data: { publication: "DRAFT", publishedAt: null },
      });
      return { termsVersionId: terms.id, version: terms.version };
    },
  ],
  createPhaseAction: [
    termsActions.createPhaseAction,
    async () => ({ negotiationId: (await draft()).negotiation.id, name: "Phase 2" }),
  ],
  updatePhaseAction: [
    termsActions.updatePhaseAction,
    async () => {
      const { negotiation } = await draft();
      const phase = await prisma().phase.findFirstOrThrow({ where: { negotiationId: negotiation.id } });
      return { phaseId: phase.id, version: phase.version, name: "Phase one" };
    },
  ],
  saveTranslationAction: [
    translationActions.saveTranslationAction,
    async () => {
      const { negotiation } = await draft();
      return {
        field: "NEGOTIATION_TITLE",
        entityId: negotiation.id,
        locale: "ar",
        text: "مفاوضات",
        originalHash: originalHash(negotiation.title),
        version: 0,
      };
    },
  ],
};

const newSource = () => ({ name: `Source ${unique()}`, kind: "OUTLET", reliability: "C" });

const adminActions: Record<string, [Action, Recipe]> = {
  createSourceAction: [sourceActions.createSourceAction, async () => newSource()],
  updateSourceAction: [
    sourceActions.updateSourceAction,
    async () => ({ ...newSource(), sourceId: (await createSourceRow(prisma())).id, version: 1 }),
  ],
  changeSourceStateAction: [
    sourceActions.changeSourceStateAction,
    async () => ({ sourceId: (await createSourceRow(prisma())).id, version: 1, action: "archive" }),
  ],
  mergeSourcesAction: [
    sourceActions.mergeSourcesAction,
    async () => ({
      sourceId: (await createSourceRow(prisma())).id,
      version: 1,
      intoSourceId: (await createSourceRow(prisma())).id,
    }),
  ],
  createStaffUserAction: [
    userActions.createStaffUserAction,
    async () => ({
      email: `new-${unique()}@newsroom.test`,
      name: "New",
      role: "JOURNALIST",
      password: "a-long-enough-password",
    }),
  ],
  setUserRoleAction: [userActions.setUserRoleAction, async () => ({ userId: await staffTarget(), role: "ADMIN" })],
  setUserActiveAction: [userActions.setUserActiveAction, async () => ({ userId: await staffTarget(), active: false })],
  resetUserPasswordAction: [userActions.resetUserPasswordAction, async () => ({ userId: await staffTarget() })],
  createWebhookAction: [
    webhookActions.createWebhookAction,
    async () => ({ url: `https://partner.example/hooks/${unique()}`, events: ["development.published"] }),
  ],
  rotateWebhookSecretAction: [webhookActions.rotateWebhookSecretAction, async () => ({ endpointId: await endpoint() })],
  setWebhookEnabledAction: [
    webhookActions.setWebhookEnabledAction,
    async () => ({ endpointId: await endpoint(), enabled: false }),
  ],
  deleteWebhookAction: [webhookActions.deleteWebhookAction, async () => ({ endpointId: await endpoint() })],
};

let people: Record<Role, TestUser>;

beforeAll(async () => {
  await createStaff("ADMIN"); // a spare admin: "last admin" protection stays out of the way
  people = { journalist: await createStaff("JOURNALIST"), admin: await createStaff("ADMIN") };
});

async function run(role: Role, [action, recipe]: [Action, Recipe]) {
  const input = await recipe(people[role]);
  const audit = await prisma().auditEntry.count();
  const result = await asUser(people[role], () => action(null, input));
  return { result, written: (await prisma().auditEntry.count()) - audit };
}

describe("authorization with valid input", () => {
  it("covers every action the empty-input matrix knows", () => {
    const exported = [
      archiveActions,
      developmentActions,
      negotiationActions,
      quickEntryActions,
      sourceActions,
      termsActions,
      translationActions,
      userActions,
      webhookActions,
    ].flatMap((module) => Object.keys(module));
    expect(exported.sort()).toEqual(Object.keys({ ...journalistActions, ...adminActions }).sort());
  });

  it("lets journalists and admins carry out every journalist action", async () => {
    for (const [name, entry] of Object.entries(journalistActions)) {
      for (const role of ["journalist", "admin"] as const) {
        const { result, written } = await run(role, entry);
        expect(result, `${name} as ${role}`).toMatchObject({ ok: true });
        expect(written, `${name} as ${role} writes its audit row`).toBeGreaterThan(0);
      }
    }
  });

  it("refuses journalists every admin action even with valid input, writing nothing; admins succeed", async () => {
    for (const [name, entry] of Object.entries(adminActions)) {
      const refused = await run("journalist", entry);
      expect(refused.result, `${name} as journalist`).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(refused.written, `${name} as journalist`).toBe(0);
      const done = await run("admin", entry);
      expect(done.result, `${name} as admin`).toMatchObject({ ok: true });
      expect(done.written, `${name} as admin`).toBeGreaterThan(0);
    }
  });

  it("lets any signed-in user change their own password, with the right current one", async () => {
    const me = await createStaff("JOURNALIST");
    const result = await asUser(me, () =>
      changePasswordAction(null, {
        currentPassword: TEST_PASSWORD,
        newPassword: "a-brand-new-password",
        confirmPassword: "a-brand-new-password",
      }),
    );
    expect(result).toMatchObject({ ok: true });
  });

  it("refuses journalists in the admin data functions themselves, past the action wrapper", async () => {
    const source = await createSourceRow(prisma());
    const other = await createSourceRow(prisma());
    const target = await staffTarget();
    const calls: Record<string, () => Promise<unknown>> = {
      createSource: () =>
        createSource({
          name: `Source ${unique()}`,
          kind: "OUTLET",
          reliability: "C",
          publicDescription: "",
          ratingRationale: "",
          confidentialNotes: "",
          contactConditions: "",
        }),
      updateSource: () =>
        updateSource({
          sourceId: source.id,
          version: 1,
          name: "Renamed",
          kind: "OUTLET",
          reliability: "C",
          publicDescription: "",
          ratingRationale: "",
          confidentialNotes: "",
          contactConditions: "",
        }),
      changeSourceState: () => changeSourceState({ sourceId: source.id, version: 1, action: "archive" }),
      mergeSources: () => mergeSources({ sourceId: source.id, version: 1, intoSourceId: other.id }),
      createStaffUser: () =>
        createStaffUser({
          email: `x-${unique()}@newsroom.test`,
          name: "X",
          role: "ADMIN",
          password: "long-password-1",
        }),
      setUserRole: () => setUserRole({ userId: target, role: "ADMIN" }),
      setUserActive: () => setUserActive({ userId: target, active: false }),
      resetUserPassword: () => resetUserPassword({ userId: target }),
      // Read-only, but personal data in aggregate: subscriber counts are for admins.
      countAlertSubscribers: () => countAlertSubscribers(),
    };
    const audit = await prisma().auditEntry.count();
    for (const [name, call] of Object.entries(calls))
      await expect(asUser(people.journalist, call), name).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma().auditEntry.count()).toBe(audit);
    expect(
      await prisma().user.findUniqueOrThrow({ where: { id: target }, select: { role: true, active: true } }),
    ).toEqual({ role: "JOURNALIST", active: true });
  });

  it("answers the staff GET routes with valid parameters: permitted roles get the data, others nothing", async () => {
    const { negotiation } = await draft();
    type Get = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
    const routes: Array<[string, Get, string, Record<string, string>, "journalist" | "admin"]> = [
      [
        "negotiation export",
        negotiationExport as Get,
        "?format=csv&dataset=terms&scope=staff",
        { id: negotiation.id },
        "journalist",
      ],
      ["source search", sourceSearch as Get, "?q=Source", {}, "journalist"],
      ["audit export", auditExport as Get, `?negotiationId=${negotiation.id}`, {}, "admin"],
    ];
    for (const [name, GET, search, params, access] of routes) {
      const status = async (user: TestUser | null) =>
        (
          await asUser(user, () =>
            GET(new Request(`http://localhost/api/x${search}`), { params: Promise.resolve(params) }),
          )
        ).status;
      expect(await status(null), `${name} as anonymous`).toBe(401);
      expect(await status(people.journalist), `${name} as journalist`).toBe(access === "admin" ? 403 : 200);
      expect(await status(people.admin), `${name} as admin`).toBe(200);
    }
  });
});
