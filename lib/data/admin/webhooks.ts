import "server-only";
import { requireAccess } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { checkOutboundUrl, OutboundRefusedError } from "@/lib/security/outbound-fetch";
import type { CreateWebhookInput } from "@/lib/validation/webhook";
import { newWebhookSecret } from "@/lib/webhooks/secret";
import { writeAudit } from "../audit";

// The secret is selected only where it is handed to the admin once (create, rotate); lists never carry it.
const endpointFields = {
  id: true,
  url: true,
  description: true,
  events: true,
  negotiationIds: true,
  enabled: true,
  consecutiveFailures: true,
  disabledAt: true,
  disabledReason: true,
  createdAt: true,
} as const;

export async function listWebhookEndpoints() {
  await requireAccess("admin");
  return db().webhookEndpoint.findMany({ orderBy: { createdAt: "asc" }, select: endpointFields });
}

/** Endpoints switched off after repeated failure and not yet looked at: the notice on admin pages. */
export async function listAutoDisabledEndpoints() {
  await requireAccess("admin");
  return db().webhookEndpoint.findMany({
    where: { enabled: false, disabledReason: { not: null } },
    select: { id: true, url: true, disabledAt: true, disabledReason: true },
  });
}

/** One endpoint with its delivery log (newest first). */
export async function getWebhookEndpoint(id: string) {
  await requireAccess("admin");
  const endpoint = await db().webhookEndpoint.findUnique({
    where: { id },
    select: {
      ...endpointFields,
      deliveries: {
        orderBy: { at: "desc" },
        take: 100,
        select: {
          id: true,
          messageId: true,
          eventType: true,
          attempt: true,
          responseStatus: true,
          error: true,
          durationMs: true,
          succeeded: true,
          at: true,
        },
      },
    },
  });
  if (!endpoint) throw new NotFoundError("That webhook endpoint does not exist.");
  return endpoint;
}

/** Registers an endpoint; the secret is returned to show once and is never written to the audit trail. */
export async function createWebhookEndpoint(input: CreateWebhookInput): Promise<{ id: string; secret: string }> {
  const admin = await requireAccess("admin");
  try {
    checkOutboundUrl(input.url);
  } catch (error) {
    if (error instanceof OutboundRefusedError)
      throw new RuleViolationError(`This address cannot be used: ${error.message}.`, "url");
    throw error;
  }
  const secret = newWebhookSecret();
  return db().$transaction(async (tx) => {
    if (input.negotiationIds.length > 0) {
      const found = await tx.negotiation.count({ where: { id: { in: input.negotiationIds } } });
      if (found !== new Set(input.negotiationIds).size)
        throw new RuleViolationError("One of the chosen negotiations no longer exists.", "negotiationIds");
    }
    const created = await tx.webhookEndpoint.create({
      data: { ...input, negotiationIds: [...new Set(input.negotiationIds)], secret },
      select: { id: true },
    });
    await writeAudit(tx, {
      userId: admin.id,
      action: "webhook.endpoint.create",
      entityType: "WebhookEndpoint",
      entityId: created.id,
      after: input,
    });
    return { id: created.id, secret };
  });
}

/** A new secret, effective for the next attempt; shown once. */
export async function rotateWebhookSecret(input: { endpointId: string }): Promise<{ secret: string }> {
  const admin = await requireAccess("admin");
  const secret = newWebhookSecret();
  await db().$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id: input.endpointId },
      data: { secret, version: { increment: 1 } },
    });
    if (count === 0) throw new NotFoundError("That webhook endpoint does not exist.");
    await writeAudit(tx, {
      userId: admin.id,
      action: "webhook.endpoint.rotate-secret",
      entityType: "WebhookEndpoint",
      entityId: input.endpointId,
    });
  });
  return { secret };
}

/** Turns an endpoint on (clearing its failure streak and the notice) or off. */
export async function setWebhookEnabled(input: { endpointId: string; enabled: boolean }): Promise<void> {
  const admin = await requireAccess("admin");
  await db().$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id: input.endpointId },
      data: input.enabled
        ? { enabled: true, consecutiveFailures: 0, disabledAt: null, disabledReason: null, version: { increment: 1 } }
        : { enabled: false, disabledAt: new Date(), disabledReason: null, version: { increment: 1 } },
    });
    if (count === 0) throw new NotFoundError("That webhook endpoint does not exist.");
    await writeAudit(tx, {
      userId: admin.id,
      action: input.enabled ? "webhook.endpoint.enable" : "webhook.endpoint.disable",
      entityType: "WebhookEndpoint",
      entityId: input.endpointId,
      after: { enabled: input.enabled },
    });
  });
}

export async function deleteWebhookEndpoint(input: { endpointId: string }): Promise<void> {
  const admin = await requireAccess("admin");
  await db().$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.deleteMany({ where: { id: input.endpointId } });
    if (count === 0) throw new NotFoundError("That webhook endpoint does not exist.");
    await writeAudit(tx, {
      userId: admin.id,
      action: "webhook.endpoint.delete",
      entityType: "WebhookEndpoint",
      entityId: input.endpointId,
    });
  });
}
