"use server";

import { revalidatePath } from "next/cache";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  rotateWebhookSecret,
  setWebhookEnabled,
} from "@/lib/data/admin/webhooks";
import { createWebhookSchema, setWebhookEnabledSchema, webhookIdSchema } from "@/lib/validation/webhook";
import { adminAction } from "./define-action";

const refresh = () => revalidatePath("/admin/webhooks", "layout");

export const createWebhookAction = adminAction(createWebhookSchema, async (input) => {
  const created = await createWebhookEndpoint(input);
  refresh();
  return created;
});

export const rotateWebhookSecretAction = adminAction(webhookIdSchema, async (input) => {
  const rotated = await rotateWebhookSecret(input);
  refresh();
  return rotated;
});

export const setWebhookEnabledAction = adminAction(setWebhookEnabledSchema, async (input) => {
  await setWebhookEnabled(input);
  refresh();
});

export const deleteWebhookAction = adminAction(webhookIdSchema, async (input) => {
  await deleteWebhookEndpoint(input);
  refresh();
});
