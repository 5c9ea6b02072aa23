/** What partners can subscribe to (docs/follow.md; OpenAPI `webhooks`). No server code: forms use it too. */
export const WEBHOOK_EVENT_TYPES = [
  "development.published",
  "development.corrected",
  "development.unpublished",
  "terms.published",
  "stage.changed",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "development.published": "A development is published",
  "development.corrected": "A published development is corrected",
  "development.unpublished": "A development is unpublished or archived",
  "terms.published": "Terms are published",
  "stage.changed": "The negotiation's stage changes",
};
