import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { forbiddenReference, refuseServerAction } from "./server-action-requests";

/** React reference markers that resolve to something other than a plain value. */
const REFERENCE_MARKERS = ["$Q1", "$h", "$B1", "$W1", "$i1", "$l1", "$A1", "$O1", "$U1", "$S1", "$F1", "$Z"];

const post = (body: string | FormData, headers: Record<string, string> = {}) =>
  new NextRequest("http://parley.test/editor", {
    method: "POST",
    headers: {
      "next-action": "abc123",
      origin: "http://parley.test",
      host: "parley.test",
      cookie: "next-auth.session-token=anything",
      ...(typeof body === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
      ...headers,
    },
    body,
  });

describe("React references in server-action bodies", () => {
  it("refuses every reference marker, wherever it sits in a JSON argument list", async () => {
    for (const marker of [...REFERENCE_MARKERS, "$1", "$@0", "$K1", "$T", "$R1"]) {
      for (const body of [
        `[null,"${marker}"]`,
        `[null,{"title":"${marker}"}]`,
        `["${marker}",{"a":["x","${marker}"]}]`,
      ]) {
        const refused = await refuseServerAction(post(body));
        expect(refused?.status, `${body}`).toBe(400);
      }
    }
  });

  it("lets through plain values React encodes with a $ (escaped text, undefined, dates, big integers)", async () => {
    for (const value of ["$$price", "$undefined", "$NaN", "$-Infinity", "$-0", "$D2026-01-01T00:00:00.000Z", "$n12"]) {
      expect(forbiddenReference([null, { value }]), value).toBeUndefined();
      expect(await refuseServerAction(post(JSON.stringify([null, { value }])))).toBeUndefined();
    }
  });

  it("accepts a form post as React sends it (form data reference, fields by prefix) and refuses dangling parts", async () => {
    const form = new FormData();
    form.set("0", '["$undefined","$K1"]');
    form.set("1_title", "$Q1 typed by a person is just text");
    expect(await refuseServerAction(post(form))).toBeUndefined();

    const dangling = new FormData();
    dangling.set("0", '[null,"$Q1"]');
    expect((await refuseServerAction(post(dangling)))?.status).toBe(400);
    const missingPart = new FormData();
    missingPart.set("0", '[null,"$2"]');
    expect((await refuseServerAction(post(missingPart)))?.status).toBe(400);
    const outlined = new FormData();
    outlined.set("0", '[null,"$2"]');
    outlined.set("2", '{"title":"x"}');
    expect(await refuseServerAction(post(outlined))).toBeUndefined();
  });
});
