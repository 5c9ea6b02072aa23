import { describe, expect, it } from "vitest";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { openApiDocument } from "./openapi";

describe("OpenAPI document", () => {
  it("documents every webhook event with its signature headers and body", () => {
    const document = openApiDocument("https://parley.example") as unknown as {
      webhooks: Record<string, { post: { parameters: { name: string }[]; requestBody: unknown } }>;
    };
    expect(Object.keys(document.webhooks).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    for (const event of Object.values(document.webhooks)) {
      expect(event.post.parameters.map((p) => p.name)).toEqual([
        "webhook-id",
        "webhook-timestamp",
        "webhook-signature",
      ]);
      expect(JSON.stringify(event.post.requestBody)).toContain('"negotiation"');
    }
  });
});
