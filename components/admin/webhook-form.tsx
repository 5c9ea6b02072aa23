"use client";

import { ActionForm, errorsFor, valueOf } from "@/components/staff/action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { createWebhookAction } from "@/lib/actions/webhooks";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { SecretOnce } from "./webhook-secret-once";

export function WebhookForm({ negotiations }: { negotiations: { id: string; title: string }[] }) {
  return (
    <ActionForm action={createWebhookAction} successMessage="Endpoint registered." className="grid gap-4">
      {({ result, pending }) => (
        <>
          {result?.ok ? <SecretOnce secret={(result.data as { secret: string }).secret} /> : null}
          <Field
            name="url"
            label="Endpoint URL"
            type="url"
            required
            hint="The partner's HTTPS address; private and local addresses are refused when sending."
            defaultValue={valueOf(result, "url")}
            errors={errorsFor(result, "url")}
          />
          <Field
            name="description"
            label="Description"
            hint="Whose endpoint this is, for the delivery log."
            defaultValue={valueOf(result, "description")}
            errors={errorsFor(result, "description")}
          />
          <fieldset className="grid gap-1" aria-describedby="events-errors">
            <legend className="text-sm font-medium">Events</legend>
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="events" value={type} defaultChecked />
                {WEBHOOK_EVENT_LABELS[type]} <code className="text-xs">{type}</code>
              </label>
            ))}
            <p id="events-errors" aria-live="polite" className="text-sm text-red-700 dark:text-red-300">
              {errorsFor(result, "events")?.join(" ")}
            </p>
          </fieldset>
          <div className="grid gap-1">
            <label htmlFor="negotiationIds" className="text-sm font-medium">
              Negotiations (none chosen: all of them)
            </label>
            <select
              id="negotiationIds"
              name="negotiationIds"
              multiple
              size={Math.min(8, Math.max(3, negotiations.length))}
              aria-describedby="negotiationIds-errors"
              className="rounded border border-stone-300 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-900"
            >
              {negotiations.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.title}
                </option>
              ))}
            </select>
            <p id="negotiationIds-errors" aria-live="polite" className="text-sm text-red-700 dark:text-red-300">
              {errorsFor(result, "negotiationIds")?.join(" ")}
            </p>
          </div>
          <div>
            <Button type="submit" pending={pending}>
              {pending ? "Registering…" : "Register endpoint"}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
