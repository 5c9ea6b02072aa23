"use client";

import { ActionForm } from "@/components/staff/action-form";
import { Button } from "@/components/ui/button";
import { deleteWebhookAction, rotateWebhookSecretAction, setWebhookEnabledAction } from "@/lib/actions/webhooks";
import { SecretOnce } from "./webhook-secret-once";

export function WebhookControls({ endpointId, enabled }: { endpointId: string; enabled: boolean }) {
  return (
    <div className="flex flex-wrap items-start gap-3">
      <ActionForm action={setWebhookEnabledAction}>
        {({ pending }) => (
          <>
            <input type="hidden" name="endpointId" value={endpointId} />
            <input type="hidden" name="enabled" value={String(!enabled)} />
            <Button type="submit" variant="secondary" pending={pending}>
              {enabled ? "Disable" : "Enable again"}
            </Button>
          </>
        )}
      </ActionForm>
      <ActionForm action={rotateWebhookSecretAction}>
        {({ result, pending }) => (
          <>
            <input type="hidden" name="endpointId" value={endpointId} />
            <Button type="submit" variant="secondary" pending={pending}>
              Rotate secret
            </Button>
            {result?.ok ? <SecretOnce secret={(result.data as { secret: string }).secret} /> : null}
          </>
        )}
      </ActionForm>
      <ActionForm action={deleteWebhookAction}>
        {({ pending }) => (
          <>
            <input type="hidden" name="endpointId" value={endpointId} />
            <Button type="submit" variant="danger" pending={pending}>
              Delete
            </Button>
          </>
        )}
      </ActionForm>
    </div>
  );
}
