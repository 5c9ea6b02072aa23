import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";

const ids = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.uuid("Pick negotiations from the list.")).max(200),
);

export const createWebhookSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2000, "Addresses are at most 2,000 characters.")
    .pipe(z.url({ protocol: /^https?$/, error: "Enter an http:// or https:// address." })),
  description: z.string().trim().max(200, "At most 200 characters.").default(""),
  events: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, "Choose at least one event."),
  ),
  negotiationIds: ids,
});
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const webhookIdSchema = z.object({ endpointId: z.uuid() });
export const setWebhookEnabledSchema = webhookIdSchema.extend({
  enabled: z.preprocess((value) => value === true || value === "true", z.boolean()),
});
