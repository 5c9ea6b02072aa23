import { beforeAll, describe, expect, it } from "vitest";
import type { ServerAction } from "@/lib/actions/define-action";
import { createDevelopmentAction, updateDevelopmentAction } from "@/lib/actions/developments";
import { addParticipantAction, createNegotiationAction } from "@/lib/actions/negotiations";
import { createSourceAction } from "@/lib/actions/sources";
import { db } from "@/lib/db/client";
import { asUser, type TestUser } from "../support/request-context";
import { createStaff } from "../support/staff";

// Characters refused in every text field: what XML 1.0 forbids (one would break every
// feed), what PostgreSQL cannot store, and DEL/C1 controls (see UNSTORABLE_TEXT).
const refused = [
  ...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)).filter((c) => !"\t\n\r".includes(c)),
  ...Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i)),
  "\uFFFE",
  "\uFFFF",
  "\uD800",
  "\uDFFF",
];
const CONTROL_MESSAGE = "Remove the invisible control character from this text.";

let admin: TestUser;
beforeAll(async () => {
  admin = await createStaff("ADMIN");
});

/** One text field of each action whose text reaches a feed, a page or the API. */
const fields: Array<{
  action: ServerAction<unknown>;
  field: string;
  input: (text: string) => Record<string, unknown>;
}> = [
  {
    action: createNegotiationAction,
    field: "title",
    input: (title) => ({ title, slug: "", region: "r", country: "c" }),
  },
  { action: createNegotiationAction, field: "summary", input: (summary) => ({ title: "t", summary }) },
  { action: createDevelopmentAction, field: "title", input: (title) => ({ title, summary: "s" }) },
  { action: createDevelopmentAction, field: "summary", input: (summary) => ({ title: "t", summary }) },
  { action: updateDevelopmentAction, field: "correctionNote", input: (correctionNote) => ({ correctionNote }) },
  {
    action: createDevelopmentAction,
    field: "citations.0.attribution",
    input: (attribution) => ({ citations: [{ sourceId: "", attribution }] }),
  },
  { action: createSourceAction, field: "name", input: (name) => ({ name, kind: "OUTLET" }) },
  {
    action: addParticipantAction,
    field: "newActor.name",
    input: (name) => ({ newActor: { name, kind: "GOVERNMENT" } }),
  },
];

describe("characters no text field may hold", () => {
  it("refuses each of them in each field as a field error, and writes nothing", async () => {
    expect(refused).toHaveLength(28 + 1 + 33 + 4);
    const before = await db().auditEntry.count();
    for (const c of refused) {
      const code = `U+${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
      for (const { action, field, input } of fields) {
        const result = await asUser(admin, () => action(null, input(`before${c}after`)));
        expect(result, `${code} in ${field}`).toMatchObject({ ok: false, code: "INVALID" });
        expect(result.ok === false && result.errors?.[field], `${code} in ${field}`).toEqual([CONTROL_MESSAGE]);
      }
    }
    expect(await db().auditEntry.count()).toBe(before);
  });

  it("still takes tabs, line breaks and legal but unusual characters", async () => {
    for (const text of [
      "line\none",
      "tab\there",
      "crlf\r\nline",
      "non-character \uFDD0",
      "emoji \u{1F54A}",
      "\u0645\u0641\u0627\u0648\u0636\u0627\u062A",
    ]) {
      const result = await asUser(admin, () =>
        createSourceAction(null, { name: text, kind: "OUTLET", reliability: "C" }),
      );
      expect(result, JSON.stringify(text)).toMatchObject({ ok: true });
    }
  });
});
