// English alerts must stay byte for byte what they were before the catalogs wrote them: the
// fixture was captured from the builder before it read the `alerts` messages.
import { describe, expect, it } from "vitest";
import golden from "./__fixtures__/english-messages.json";
import { alertMessage, confirmationMessage, type AlertItem } from "./alert-message";

const neg = (slug: string, title: string, stage = "TALKS") =>
  ({ slug, title, stage, url: `https://parley.example/negotiations/${slug}` }) as AlertItem["data"]["negotiation"];
const items: AlertItem[] = [
  {
    type: "development.published",
    data: {
      negotiation: neg("a", `Talks <b>&</b> "Muscat"`),
      development: {
        id: "d1",
        title: "Buses crossed at Busra",
        summary: "Sixty-one civilians & 30 officers.",
        occurredOn: "2026-03-01T00:00:00.000Z",
      },
    },
  },
  {
    type: "development.corrected",
    data: {
      negotiation: neg("a", `Talks <b>&</b> "Muscat"`),
      development: {
        id: "d2",
        title: "Count revised",
        corrections: [
          { note: "First", correctedAt: "2026-03-02" },
          { note: "The count was 61, not 60.", correctedAt: "2026-03-03" },
        ],
      },
    },
  },
  {
    type: "terms.published",
    data: {
      negotiation: neg("b", "Beta"),
      terms: { number: 2, status: "PARTIALLY_IMPLEMENTED", summary: "Ten for ten" },
    },
  },
  { type: "stage.changed", data: { negotiation: neg("c", "Gamma", "IMPLEMENTATION") } },
];

describe("English alerts", () => {
  it("are byte for byte the messages written before the catalogs", () => {
    expect(alertMessage(items, "https://parley.example/follow/unsubscribe?token=a&b")).toEqual(golden.many);
    expect(alertMessage(items.slice(0, 2), "https://parley.example/u")).toEqual(golden.oneGroup);
    expect(alertMessage(items.slice(2, 3), "https://parley.example/u")).toEqual(golden.one);
    expect(alertMessage(items.slice(3), "https://parley.example/u")).toEqual(golden.stage);
  });

  it("write the confirmation as before", () => {
    const url = "https://parley.example/follow/confirm?token=x&y";
    expect(confirmationMessage({ text: "Talks & <Muscat>", lang: "en" }, url, 48)).toEqual(golden.confirmOne);
    expect(confirmationMessage(null, "https://parley.example/follow/confirm?token=z", 48)).toEqual(golden.confirmAll);
  });
});
