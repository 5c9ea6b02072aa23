// The exchange ledger end to end through the server actions, as the editor uses them,
// checked through the reader's data: each rule of issue 14 has a test here.
import { beforeAll, describe, expect, it } from "vitest";
import {
  createDevelopmentAction,
  setDevelopmentArchivedAction,
  setDevelopmentPublicationAction,
  updateDevelopmentAction,
} from "@/lib/actions/developments";
import { createNegotiationAction, setNegotiationPublicationAction } from "@/lib/actions/negotiations";
import {
  createTermsVersionAction,
  discardTermsVersionAction,
  setTermsPublicationAction,
  updatePhaseAction,
} from "@/lib/actions/terms";
import { getPublishedNegotiation } from "@/lib/data/reader/negotiation";
import { getTimelinePage } from "@/lib/data/reader/timeline";
import { transferSentence } from "@/lib/format/transfer";
import { db } from "@/lib/db/client";
import { createActor, createSource } from "@/seeds/factories";
import { runSeed } from "@/seeds/run";
import { asUser, type TestUser } from "../support/request-context";
import { createStaff } from "../support/staff";

let journalist: TestUser;
let afp: { id: string };

beforeAll(async () => {
  journalist = await createStaff("JOURNALIST");
  afp = await createSource(db(), { name: "AFP wire", kind: "WIRE_AGENCY", reliability: "B" });
});

const as = <T>(fn: () => Promise<T>) => asUser(journalist, fn);
const cite = [{ sourceId: "", attribution: "AFP" }];
const citations = () => cite.map((c) => ({ ...c, sourceId: afp.id }));
let counter = 0;

async function ok<T>(promise: Promise<{ ok: boolean; data?: T }>): Promise<T> {
  const result = await promise;
  expect(result).toMatchObject({ ok: true });
  return (result as { data: T }).data;
}

/** A published negotiation with two parties, entered as a journalist would. */
async function negotiationWith(stage = "AGREEMENT") {
  const id = (
    await ok<{ id: string }>(
      as(() =>
        createNegotiationAction(null, {
          title: `Exchange ${++counter}`,
          slug: `ledger-exchange-${counter}-${Date.now()}`,
          summary: "",
          region: "Region",
          country: "Country",
          stage,
        }),
      ),
    )
  ).id;
  const negotiation = await db().negotiation.findUniqueOrThrow({ where: { id } });
  await ok(
    as(() => setNegotiationPublicationAction(null, { negotiationId: id, version: negotiation.version, publish: true })),
  );
  const [a, b] = [await createActor(db()), await createActor(db())];
  return { id, slug: negotiation.slug, a: a.id, b: b.id };
}

async function publishTerms(termsVersionId: string) {
  const { version } = await db().termsVersion.findUniqueOrThrow({ where: { id: termsVersionId } });
  await ok(as(() => setTermsPublicationAction(null, { termsVersionId, version, publish: true })));
}

async function terms(negotiationId: string, input: Record<string, unknown>) {
  const created = await ok<{ id: string }>(
    as(() =>
      createTermsVersionAction(null, {
        negotiationId,
        proposedOn: "2025-05-01",
        status: "AGREED",
        citations: citations(),
        ...input,
      }),
    ),
  );
  await publishTerms(created.id);
  return created.id;
}

async function obligationIds(negotiationId: string) {
  const rows = await db().obligation.findMany({ where: { negotiationId }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => r.id);
}

async function develop(negotiationId: string, input: Record<string, unknown>, publish = true) {
  const { id } = await ok<{ id: string }>(
    as(() =>
      createDevelopmentAction(null, {
        negotiationId,
        occurredOn: "2025-05-23",
        title: "Batch",
        summary: "A batch was exchanged.",
        kind: "RELEASE",
        citations: citations(),
        ...input,
      }),
    ),
  );
  if (publish) await setPublished(id, true);
  return id;
}

const versionOf = async (id: string) => (await db().development.findUniqueOrThrow({ where: { id } })).version;
const setPublished = async (id: string, publish: boolean) =>
  ok(
    as(async () => setDevelopmentPublicationAction(null, { developmentId: id, version: await versionOf(id), publish })),
  );
const exact = (value: number) => ({ kind: "EXACT", value: String(value) });

describe("obligations and progress", () => {
  it("keeps progress when a new version changes only the status, and carries every obligation over", async () => {
    const n = await negotiationWith();
    await terms(n.id, {
      obligations: [
        { releasingActorId: n.a, receivingActorId: n.b, category: "PRISONERS_OF_WAR", quantity: exact(880) },
        { releasingActorId: n.b, receivingActorId: n.a, category: "CIVILIANS", quantity: exact(120) },
      ],
    });
    const [pows, civilians] = await obligationIds(n.id);
    await develop(n.id, {
      transfers: [
        { obligationId: pows, quantity: exact(880), place: "Belarus–Ukraine border" },
        { obligationId: civilians, quantity: exact(120) },
      ],
    });
    // A status change: nothing re-entered.
    await terms(n.id, { status: "IMPLEMENTED", obligations: [] });
    const view = (await getPublishedNegotiation(n.slug))!;
    const current = view.phases[0]!.current!;
    expect(current.status).toBe("IMPLEMENTED");
    expect(current.number).toBe(2);
    expect(current.obligations.map((o) => [o.text, o.progressText])).toEqual([
      ["880 prisoners of war", "880 of 880"],
      ["120 civilians", "120 of 120"],
    ]);
    expect(view.sides.map((s) => s.progressText)).toEqual(["880 of 880", "120 of 120"]);
    expect(view.termsVersions.map((v) => v.obligations.map((o) => o.id))).toEqual([
      [pows, civilians],
      [pows, civilians],
    ]);
  });

  it("reads a version's changed number as a change and withdraws an obligation without losing its history", async () => {
    const n = await negotiationWith();
    await terms(n.id, {
      obligations: [
        { releasingActorId: n.a, receivingActorId: n.b, category: "DETAINEES", quantity: exact(300) },
        { releasingActorId: n.b, receivingActorId: n.a, category: "HOSTAGES", quantity: exact(30) },
      ],
    });
    const [detainees, hostages] = await obligationIds(n.id);
    await terms(n.id, {
      status: "COUNTERED",
      obligations: [
        { obligationId: detainees, quantity: { kind: "APPROXIMATE", qualifier: "ABOUT", value: "400" } },
        { obligationId: hostages, quantity: exact(30), withdrawn: true },
      ],
    });
    const view = (await getPublishedNegotiation(n.slug))!;
    expect(view.phases[0]!.current!.obligations.map((o) => [o.text, o.withdrawn])).toEqual([
      ["about 400 detainees", false],
      ["30 hostages", true],
    ]);
    // A withdrawn obligation no longer counts in its side's agreed total.
    expect(view.sides.map((s) => s.progressText)).toEqual(["0 of about 400", "0 of none"]);
  });
});

describe("stage from the dated record", () => {
  it("takes a back-dated development's stage at its date, and follows date corrections, unpublishing and archiving", async () => {
    const n = await negotiationWith("AGREEMENT");
    const stage = async () => (await db().negotiation.findUniqueOrThrow({ where: { id: n.id } })).stage;
    expect(await stage()).toBe("AGREEMENT");
    const implementation = await develop(n.id, { occurredOn: "2025-05-23", stageChange: "IMPLEMENTATION" });
    expect(await stage()).toBe("IMPLEMENTATION");
    const concluded = await develop(n.id, { occurredOn: "2025-05-25", stageChange: "CONCLUDED" });
    expect(await stage()).toBe("CONCLUDED");
    const view = (await getPublishedNegotiation(n.slug))!;
    expect(view.stage).toBe("CONCLUDED");
    expect(view.stageHistory.map((s) => [s.stage, s.effectiveOn?.slice(0, 10) ?? null])).toEqual([
      ["AGREEMENT", null],
      ["IMPLEMENTATION", "2025-05-23"],
      ["CONCLUDED", "2025-05-25"],
    ]);

    // The "concluded" report was really dated 22 May: implementation (23 May) is now the latest.
    const current = await db().development.findUniqueOrThrow({ where: { id: concluded } });
    await ok(
      as(() =>
        updateDevelopmentAction(null, {
          developmentId: concluded,
          version: current.version,
          occurredOn: "2025-05-22",
          title: current.title,
          summary: current.summary,
          kind: current.kind,
          stageChange: "CONCLUDED",
          citations: citations(),
          correctionNote: "The date was 22 May.",
        }),
      ),
    );
    expect(await stage()).toBe("IMPLEMENTATION");
    expect(
      (await db().stageChange.findUniqueOrThrow({ where: { developmentId: concluded } })).effectiveOn!.toISOString(),
    ).toBe("2025-05-22T00:00:00.000Z");

    await setPublished(implementation, false);
    expect(await stage()).toBe("CONCLUDED");
    await ok(
      as(async () =>
        setDevelopmentArchivedAction(null, {
          developmentId: concluded,
          version: await versionOf(concluded),
          archived: true,
        }),
      ),
    );
    expect(await stage()).toBe("AGREEMENT");
  });

  it("offers stalled and suspended", async () => {
    const n = await negotiationWith("TALKS");
    await develop(n.id, { occurredOn: "2025-06-01", stageChange: "STALLED", kind: "STATEMENT" });
    expect((await getPublishedNegotiation(n.slug))!.stage).toBe("STALLED");
  });
});

describe("transfers", () => {
  it("records a batch of several transfers, and a published one is corrected with a public note", async () => {
    const n = await negotiationWith();
    const icrc = await createActor(db());
    await terms(n.id, {
      obligations: [
        { releasingActorId: n.a, receivingActorId: n.b, category: "PRISONERS_OF_WAR", quantity: exact(1000) },
        { releasingActorId: n.b, receivingActorId: n.a, category: "PRISONERS_OF_WAR", quantity: exact(1000) },
      ],
    });
    const [aToB, bToA] = await obligationIds(n.id);
    const id = await develop(n.id, {
      transfers: [
        { obligationId: aToB, quantity: exact(390), intermediaryId: icrc.id },
        { obligationId: bToA, quantity: exact(390), intermediaryId: icrc.id },
      ],
    });
    let [reader] = (await getTimelinePage(n.slug, "newest", 1)).items;
    expect(reader!.transfers.map((t) => t.text)).toEqual(["390 prisoners of war", "390 prisoners of war"]);

    const current = await db().development.findUniqueOrThrow({ where: { id } });
    const edit = {
      developmentId: id,
      version: current.version,
      occurredOn: "2025-05-23",
      title: current.title,
      summary: current.summary,
      kind: current.kind,
      citations: citations(),
      transfers: [
        { obligationId: aToB, quantity: exact(390), intermediaryId: icrc.id },
        { obligationId: bToA, quantity: exact(389), intermediaryId: icrc.id },
      ],
    };
    expect(await as(() => updateDevelopmentAction(null, edit))).toMatchObject({
      ok: false,
      errors: { correctionNote: [expect.stringContaining("public correction note")] },
    });
    await ok(as(() => updateDevelopmentAction(null, { ...edit, correctionNote: "One of the 390 was not released." })));
    [reader] = (await getTimelinePage(n.slug, "newest", 1)).items;
    expect(reader!.transfers.map((t) => t.text)).toEqual(["390 prisoners of war", "389 prisoners of war"]);
    expect(reader!.corrections.map((c) => c.note)).toEqual(["One of the 390 was not released."]);
    expect((await getPublishedNegotiation(n.slug))!.sides.map((s) => s.progressText)).toEqual([
      "390 of 1,000",
      "389 of 1,000",
    ]);
  });

  it("needs an explicit confirmation to record more than agreed, and then says so", async () => {
    const n = await negotiationWith();
    await terms(n.id, {
      obligations: [{ releasingActorId: n.a, receivingActorId: n.b, category: "DETAINEES", quantity: exact(300) }],
    });
    const [detainees] = await obligationIds(n.id);
    await develop(n.id, { transfers: [{ obligationId: detainees, quantity: exact(200) }] });
    const batch = {
      negotiationId: n.id,
      occurredOn: "2025-05-24",
      title: "Second batch",
      summary: "More released.",
      kind: "RELEASE",
      citations: citations(),
      transfers: [{ obligationId: detainees, quantity: exact(103) }],
    };
    expect(await as(() => createDevelopmentAction(null, batch))).toMatchObject({
      ok: false,
      errors: { confirmOverAgreed: [expect.stringContaining("303 released")] },
    });
    const { id } = await ok<{ id: string }>(
      as(() => createDevelopmentAction(null, { ...batch, confirmOverAgreed: true })),
    );
    await setPublished(id, true);
    const view = (await getPublishedNegotiation(n.slug))!;
    expect(view.phases[0]!.current!.obligations[0]!.progressText).toBe("303 of 300 — more than agreed");
    expect(view.sides[0]!.series.map((p) => [p.date.slice(0, 10), p.cumulative])).toEqual([
      ["2025-05-23", 200],
      ["2025-05-24", 303],
    ]);
  });

  it("refuses negative and out-of-range transfer numbers as field errors", async () => {
    const n = await negotiationWith();
    await terms(n.id, {
      obligations: [{ releasingActorId: n.a, receivingActorId: n.b, category: "CIVILIANS", quantity: exact(10) }],
    });
    const [civilians] = await obligationIds(n.id);
    const result = await as(() =>
      createDevelopmentAction(null, {
        negotiationId: n.id,
        occurredOn: "2025-05-24",
        title: "Batch",
        summary: "Released.",
        kind: "RELEASE",
        citations: citations(),
        transfers: [
          { obligationId: civilians, quantity: exact(-2) },
          { obligationId: civilians, quantity: { kind: "EXACT", value: "2147483648" } },
        ],
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      errors: {
        "transfers.0.quantity.value": ["Numbers cannot be negative."],
        "transfers.1.quantity.value": ["That number is too large to be real; check it."],
      },
    });
  });

  it("shows counts the sides report differently side by side, each with its cited, rated source", async () => {
    const n = await negotiationWith();
    await terms(n.id, {
      obligations: [{ releasingActorId: n.a, receivingActorId: n.b, category: "REMAINS", quantity: exact(1000) }],
    });
    const [remains] = await obligationIds(n.id);
    const headquarters = await createSource(db(), {
      name: "Side B coordination HQ",
      kind: "GOVERNMENT",
      reliability: "D",
    });
    const account = {
      attribution: "Side B's coordination headquarters",
      quantity: exact(189),
      sourceUrl: "https://example.org/b",
    };
    const batch = (accounts: unknown[]) => ({
      negotiationId: n.id,
      occurredOn: "2025-05-23",
      title: "Batch",
      summary: "A batch was exchanged.",
      kind: "RELEASE",
      citations: citations(),
      transfers: [{ obligationId: remains, quantity: exact(150), accounts }],
    });

    // An attributed count with no cited source is a field error, not a silent unsourced claim.
    expect(await as(() => createDevelopmentAction(null, batch([account])))).toMatchObject({
      ok: false,
      errors: { "transfers.0.accounts.0.sourceId": [expect.stringContaining("Choose the source")] },
    });

    // A source proposed but not yet reviewed keeps the development from being published.
    const proposed = await createSource(db(), { name: "Unreviewed channel", status: "PROPOSED" });
    const { id: pending } = await ok<{ id: string }>(
      as(() => createDevelopmentAction(null, batch([{ ...account, sourceId: proposed.id }]))),
    );
    const version = await versionOf(pending);
    expect(
      await as(() => setDevelopmentPublicationAction(null, { developmentId: pending, version, publish: true })),
    ).toMatchObject({ ok: false, errors: { transfers: [expect.stringContaining("Unreviewed channel")] } });

    await develop(n.id, {
      transfers: [
        { obligationId: remains, quantity: exact(150), accounts: [{ ...account, sourceId: headquarters.id }] },
      ],
    });
    const transfer = (await getPublishedNegotiation(n.slug))!.transfers[0]!;
    expect(transfer.text).toBe("150 sets of remains");
    expect(transfer.accounts.map((a) => [a.attribution, a.text, a.source?.name, a.source?.reliability])).toEqual([
      ["Side B's coordination headquarters", "189", "Side B coordination HQ", "D"],
    ]);
    expect(transferSentence(transfer)).toContain(
      "Side B's coordination headquarters: 189, per Side B coordination HQ, rated D: not usually reliable",
    );
  });
});

describe("quantities, ratios and phases", () => {
  it("totals every quantity kind honestly per side", async () => {
    const n = await negotiationWith();
    await terms(n.id, {
      obligations: [
        { releasingActorId: n.a, receivingActorId: n.b, category: "CIVILIANS", quantity: exact(33) },
        {
          releasingActorId: n.a,
          receivingActorId: n.b,
          category: "REMAINS",
          quantity: { kind: "UNKNOWN", wording: "dozens" },
        },
        {
          releasingActorId: n.b,
          receivingActorId: n.a,
          category: "DETAINEES",
          quantity: { kind: "APPROXIMATE", qualifier: "ABOUT", value: "1900", wording: "about 1,900" },
        },
        {
          releasingActorId: n.b,
          receivingActorId: n.a,
          category: "FIGHTERS",
          quantity: { kind: "RANGE", min: "20", max: "30" },
        },
      ],
    });
    const view = (await getPublishedNegotiation(n.slug))!;
    expect(view.phases[0]!.current!.obligations.map((o) => o.text)).toEqual([
      "33 civilians",
      "dozens of sets of remains",
      "about 1,900 detainees",
      "20–30 fighters",
    ]);
    expect(view.sides.map((s) => s.progressText)).toEqual(["0 of 33 and dozens more", "0 of about 1,925"]);
  });

  it("derives a ratio obligation's total from its base and keeps several phases current at once", async () => {
    const n = await negotiationWith();
    await terms(n.id, {
      newPhaseName: "Phase 1",
      obligations: [
        {
          releasingActorId: n.a,
          receivingActorId: n.b,
          category: "HOSTAGES",
          quantity: exact(33),
          breakdowns: [{ label: "deceased", category: "REMAINS", quantity: exact(8) }],
        },
        { releasingActorId: n.b, receivingActorId: n.a, category: "DETAINEES", perUnit: "30", perUnitOf: "#0" },
      ],
    });
    const phases = await db().phase.findMany({ where: { negotiationId: n.id } });
    await terms(n.id, {
      newPhaseName: "Phase 2",
      status: "PROPOSED",
      obligations: [
        {
          releasingActorId: n.a,
          receivingActorId: n.b,
          category: "HOSTAGES",
          quantity: { kind: "UNKNOWN", wording: "the remaining hostages" },
        },
      ],
    });
    // With two phases, the phase must be named.
    expect(
      await as(() =>
        createTermsVersionAction(null, {
          negotiationId: n.id,
          proposedOn: "2025-05-01",
          status: "AGREED",
          citations: citations(),
        }),
      ),
    ).toMatchObject({ ok: false, errors: { phaseId: [expect.stringContaining("several phases")] } });
    const view = (await getPublishedNegotiation(n.slug))!;
    expect(view.phases.map((p) => [p.name, p.current!.status])).toEqual([
      ["Phase 1", "AGREED"],
      ["Phase 2", "PROPOSED"],
    ]);
    const [hostages, prisoners] = view.phases[0]!.current!.obligations;
    expect(hostages!.breakdowns.map((b) => `${b.text} ${b.label}`)).toEqual(["8 deceased"]);
    expect(prisoners).toMatchObject({ derived: true, agreed: { kind: "EXACT", value: 990 } });
    expect(prisoners!.text).toBe("990 detainees (30 per hostage)");
    expect(phases).toHaveLength(1);
  });
});

describe("phases", () => {
  it("edits a phase's name, summary and dates, refusing an end before the start", async () => {
    const n = await negotiationWith();
    await terms(n.id, {
      obligations: [{ releasingActorId: n.a, receivingActorId: n.b, category: "CIVILIANS", quantity: exact(5) }],
    });
    const phase = await db().phase.findFirstOrThrow({ where: { negotiationId: n.id } });
    expect(phase.name).toBe("");
    const edit = { phaseId: phase.id, version: phase.version, name: "First round", summary: "Civilians first." };
    expect(
      await as(() => updatePhaseAction(null, { ...edit, startedOn: "2025-06-10", endedOn: "2025-06-01" })),
    ).toMatchObject({ ok: false, errors: { endedOn: ["A phase cannot end before it starts."] } });
    await ok(as(() => updatePhaseAction(null, { ...edit, startedOn: "2025-06", endedOn: "" })));
    const view = (await getPublishedNegotiation(n.slug))!;
    expect(view.phases.map((p) => [p.name, p.summary, p.startedOn, p.startedPrecision])).toEqual([
      ["First round", "Civilians first.", "2025-06-01T00:00:00.000Z", "MONTH"],
    ]);
  });
});

describe("draft terms", () => {
  it("discards a mistaken draft version, never a published one", async () => {
    const n = await negotiationWith();
    const published = await terms(n.id, {
      obligations: [{ releasingActorId: n.a, receivingActorId: n.b, category: "CIVILIANS", quantity: exact(61) }],
    });
    const { id: draft } = await ok<{ id: string }>(
      as(() =>
        createTermsVersionAction(null, {
          negotiationId: n.id,
          proposedOn: "2025-05-02",
          status: "AGREED",
          citations: citations(),
          obligations: [{ releasingActorId: n.b, receivingActorId: n.a, category: "OTHER", quantity: exact(2) }],
        }),
      ),
    );
    const publishedRow = await db().termsVersion.findUniqueOrThrow({ where: { id: published } });
    expect(
      await as(() => discardTermsVersionAction(null, { termsVersionId: published, version: publishedRow.version })),
    ).toMatchObject({ ok: false });
    await ok(as(() => discardTermsVersionAction(null, { termsVersionId: draft, version: 1 })));
    expect(await db().termsVersion.count({ where: { negotiationId: n.id } })).toBe(1);
    expect(await db().obligation.count({ where: { negotiationId: n.id } })).toBe(1);
    expect(await db().auditEntry.count({ where: { entityId: draft, action: "terms.discard" } })).toBe(1);
  });
});

describe("seeded real exchanges", () => {
  it("reads the multi-phase ceasefire with approximate counts and remains, and the three-batch symmetric exchange", async () => {
    await runSeed(db(), { includeDevelopmentStaff: false });
    const gaza = (await getPublishedNegotiation("israel-hamas-ceasefire-2025"))!;
    expect(gaza.stage).toBe("COLLAPSED");
    expect(gaza.phases.map((p) => [p.name, p.current!.status])).toEqual([
      ["Phase 1", "IMPLEMENTED"],
      ["Phase 2", "PROPOSED"],
    ]);
    expect(gaza.phases[0]!.current!.obligations.map((o) => `${o.text}: ${o.progressText}`)).toEqual([
      "25 hostages: 25 of 25",
      "8 sets of remains: 8 of 8",
      "about 1,900 detainees: more than 1,735 of about 1,900",
    ]);
    expect(gaza.participants.filter((p) => p.role === "MEDIATOR").map((p) => p.actor.shortName)).toEqual([
      "Egypt",
      "Qatar",
      "US",
    ]);
    const ukraine = (await getPublishedNegotiation("russia-ukraine-1000-for-1000-may-2025"))!;
    expect(ukraine.stage).toBe("CONCLUDED");
    expect(ukraine.sides.map((s) => [s.actor.shortName, s.progressText, s.series.map((p) => p.cumulative)])).toEqual([
      ["Russia", "1,000 of 1,000", [390, 697, 1000]],
      ["Ukraine", "1,000 of 1,000", [390, 697, 1000]],
    ]);
  });
});
