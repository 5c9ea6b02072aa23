import type { Metadata } from "next";
import Link from "next/link";
import { DisabledWebhooksNotice } from "@/components/admin/disabled-webhooks-notice";
import { WebhookForm } from "@/components/admin/webhook-form";
import { Forbidden } from "@/components/staff/forbidden";
import { Badge } from "@/components/ui/badge";
import { pageAccess } from "@/lib/auth/page-access";
import { listWebhookEndpoints } from "@/lib/data/admin/webhooks";
import { listNegotiationsForStaff } from "@/lib/data/negotiations";

export const metadata: Metadata = { title: "Webhooks", robots: { index: false } };

export default async function WebhooksPage() {
  const { allowed } = await pageAccess("admin", "/admin/webhooks");
  if (!allowed) return <Forbidden what="Webhook endpoints are managed by admins." />;
  const [endpoints, negotiations] = await Promise.all([listWebhookEndpoints(), listNegotiationsForStaff()]);
  const titles = new Map(negotiations.map((n) => [n.id, n.title]));
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Webhooks</h1>
      <p className="mt-2 max-w-prose text-stone-700 dark:text-stone-300">
        Partner newsrooms receive signed messages (Standard Webhooks) when readers&apos; view of a negotiation changes.
        See{" "}
        <Link href="/developers" className="underline">
          the developer page
        </Link>{" "}
        for the payloads.
      </p>
      <div className="mt-6">
        <DisabledWebhooksNotice />
      </div>
      <ul className="grid gap-3">
        {endpoints.map((e) => (
          <li
            key={e.id}
            className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
          >
            <p className="font-medium break-all">
              <Link href={`/admin/webhooks/${e.id}`} className="underline">
                {e.url}
              </Link>{" "}
              {e.enabled ? <Badge tone="done">Enabled</Badge> : <Badge tone="alert">Disabled</Badge>}
            </p>
            <p className="text-sm text-stone-600 dark:text-stone-400" dir="auto">
              {e.description || "No description"} · {e.events.join(", ")} ·{" "}
              {e.negotiationIds.length === 0
                ? "all negotiations"
                : e.negotiationIds.map((id) => titles.get(id) ?? id).join(", ")}
              {e.consecutiveFailures > 0 ? ` · ${e.consecutiveFailures} failed in a row` : ""}
            </p>
          </li>
        ))}
        {endpoints.length === 0 ? <li className="text-stone-600">No endpoints yet.</li> : null}
      </ul>
      <section className="mt-10 rounded-lg border border-stone-200 bg-white p-6 dark:border-stone-800 dark:bg-stone-900">
        <h2 className="font-serif text-xl font-semibold">Register an endpoint</h2>
        <div className="mt-4">
          <WebhookForm negotiations={negotiations.map((n) => ({ id: n.id, title: n.title }))} />
        </div>
      </section>
    </>
  );
}
