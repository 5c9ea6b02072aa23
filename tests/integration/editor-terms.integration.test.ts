import { beforeAll, describe, expect, it } from "vitest";
import { createTermsVersionAction, setTermsPublicationAction } from "@/lib/actions/terms";
import { getPublishedNegotiation } from "@/lib/data/reader/negotiation";
import { db } from "@/lib/db/client";
import { diffTermsVersions } from "@/lib/format/terms-diff";
import { createNegotiation, createSource } from "@/seeds/factories";
import { asUser, type TestUser } from "../support/request-context";
import { createStaff } from "../support/staff";

let journalist: TestUser;
let afp: { id: string };
beforeAll(async () => {
  journalist = await createStaff("JOURNALIST");
  afp = await createSource(db(), { name: "AFP", kind: "WIRE_AGENCY" });
});

describe("terms versions", () => {
  it("creates a new version from the current one, keeps the old, and readers see the change once published", async () => {
    const { negotiation, sideB, sideA } = await createNegotiation(db(), { terms: { a: 61, b: 30 } });
    const civilians = await db().obligation.findFirstOrThrow({
      where: { negotiationId: negotiation.id, category: "CIVILIANS" },
    });
    const input = {
      negotiationId: negotiation.id,
      proposedOn: "2026-03-01",
      status: "COUNTERED",
      // The fighters obligation is carried over untouched; civilians restated; remains added.
      obligations: [
        { obligationId: civilians.id, quantity: { kind: "EXACT", value: "70" }, description: "" },
        {
          releasingActorId: sideB.id,
          receivingActorId: sideA.id,
          quantity: { kind: "UNKNOWN", wording: "dozens" },
          category: "REMAINS",
          description: "Bodies held since July",
        },
      ],
      citations: [{ sourceId: afp.id, attribution: "AFP" }],
    };
    const created = await asUser(journalist, () => createTermsVersionAction(null, input));
    expect(created).toMatchObject({ ok: true, data: { number: 2 } });
    const id = (created as { data: { id: string } }).data.id;
    expect((await getPublishedNegotiation(negotiation.slug))!.termsVersions.map((v) => v.number)).toEqual([1]);

    const version = (await db().termsVersion.findUniqueOrThrow({ where: { id } })).version;
    expect(
      await asUser(journalist, () => setTermsPublicationAction(null, { termsVersionId: id, version, publish: true })),
    ).toMatchObject({ ok: true });
    const view = (await getPublishedNegotiation(negotiation.slug))!;
    expect(view.termsVersions.map((v) => [v.number, v.status])).toEqual([
      [2, "COUNTERED"],
      [1, "PROPOSED"],
    ]);
    expect(diffTermsVersions(view.termsVersions[1]!, view.termsVersions[0]!).map((c) => c.kind)).toEqual([
      "changed",
      "changed",
      "added",
    ]);
    expect(await db().termsVersion.findUniqueOrThrow({ where: { id }, select: { supersedesId: true } })).toMatchObject({
      supersedesId: expect.any(String),
    });
  });

  it("validates quantities, ranges and sides obligation by obligation", async () => {
    const { negotiation, sideA, sideB } = await createNegotiation(db(), { terms: null });
    const obligation = (quantity: Record<string, string>, receivingActorId = sideB.id) => ({
      releasingActorId: sideA.id,
      receivingActorId,
      category: "CIVILIANS",
      quantity,
    });
    const result = await asUser(journalist, () =>
      createTermsVersionAction(null, {
        negotiationId: negotiation.id,
        proposedOn: "2026-03-01",
        status: "PROPOSED",
        obligations: [
          obligation({ kind: "RANGE", min: "40", max: "30" }),
          obligation({ kind: "EXACT", value: "5" }, sideA.id),
          obligation({ kind: "EXACT", value: "-3" }),
          obligation({ kind: "EXACT", value: "99999999999" }),
        ],
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      errors: {
        "obligations.0.quantity.max": ["The high end of the range must not be below the low end."],
        "obligations.1.receivingActorId": ["The receiving side must differ from the releasing side."],
        "obligations.2.quantity.value": ["Numbers cannot be negative."],
        "obligations.3.quantity.value": ["That number is too large to be real; check it."],
      },
    });
    const empty = await asUser(journalist, () =>
      createTermsVersionAction(null, {
        negotiationId: negotiation.id,
        proposedOn: "2026-03-01",
        status: "PROPOSED",
        obligations: [],
      }),
    );
    expect(empty).toMatchObject({
      errors: { obligations: ["Terms need at least one obligation: who releases whom."] },
    });
  });

  it("will not publish terms without a citation", async () => {
    const { negotiation, sideA, sideB } = await createNegotiation(db());
    const created = await asUser(journalist, () =>
      createTermsVersionAction(null, {
        negotiationId: negotiation.id,
        proposedOn: "2026-03-01",
        status: "PROPOSED",
        obligations: [
          {
            releasingActorId: sideA.id,
            receivingActorId: sideB.id,
            quantity: { kind: "EXACT", value: "1" },
            category: "HOSTAGES",
          },
        ],
      }),
    );
    const id = (created as { data: { id: string } }).data.id;
    expect(
      await asUser(journalist, () =>
        setTermsPublicationAction(null, { termsVersionId: id, version: 1, publish: true }),
      ),
    ).toMatchObject({
      ok: false,
      errors: { citations: ["Cite at least one source for these terms before publishing them."] },
    });
  });
});
