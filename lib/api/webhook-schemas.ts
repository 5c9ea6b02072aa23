// The webhook messages' contract, for the OpenAPI `webhooks` section. `data` reuses the
// read API's shapes (./schemas.ts); lib/webhooks/payload.ts builds what is sent.
import { z } from "zod";
import { developmentSchema, termsVersionSchema } from "./schemas";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES, type WebhookEvent } from "@/lib/webhooks/events";

const negotiationRef = z.object({
  slug: z.string(),
  title: z.string(),
  stage: z.string().describe("The negotiation's stage now"),
  url: z.string().describe("Reader page"),
  api: z.string().describe("Read API address of the negotiation"),
});

const dataByEvent: Record<WebhookEvent, z.ZodObject> = {
  "development.published": z.object({ negotiation: negotiationRef, development: developmentSchema }),
  "development.corrected": z.object({ negotiation: negotiationRef, development: developmentSchema }),
  "development.unpublished": z.object({ negotiation: negotiationRef, development: z.object({ id: z.string() }) }),
  "terms.published": z.object({ negotiation: negotiationRef, terms: termsVersionSchema }),
  "stage.changed": z.object({ negotiation: negotiationRef }),
};

export function webhookMessageSchema(type: WebhookEvent) {
  return z.object({
    type: z.literal(type),
    timestamp: z.string().describe("When the change was made (ISO 8601)"),
    data: dataByEvent[type],
  });
}

const signatureHeaders = [
  ["webhook-id", "Message id: the same for every retry of one message; use it to drop duplicates."],
  ["webhook-timestamp", "Unix seconds when this attempt was signed; reject old ones (5 minutes)."],
  ["webhook-signature", "v1,<base64 HMAC-SHA256 of `id.timestamp.body` with the endpoint secret> (Standard Webhooks)."],
] as const;

/** OpenAPI 3.1 `webhooks`: one POST per event type. */
export function openApiWebhooks() {
  return Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          summary: WEBHOOK_EVENT_LABELS[type],
          description:
            "Signed the Standard Webhooks way; verify with any Standard Webhooks library and the secret shown when the endpoint was registered. Answer 2xx within 10 s; anything else (redirects included) is retried with backoff, and an endpoint failing repeatedly is disabled.",
          parameters: signatureHeaders.map(([name, description]) => ({
            name,
            in: "header",
            required: true,
            description,
            schema: { type: "string" },
          })),
          requestBody: {
            required: true,
            content: { "application/json": { schema: z.toJSONSchema(webhookMessageSchema(type), { io: "output" }) } },
          },
          responses: { "2XX": { description: "Received" } },
        },
      },
    ]),
  );
}
