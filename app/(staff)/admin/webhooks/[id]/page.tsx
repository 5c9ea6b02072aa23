import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { WebhookControls } from "@/components/admin/webhook-controls";
import { Forbidden } from "@/components/staff/forbidden";
import { Badge } from "@/components/ui/badge";
import { pageAccess } from "@/lib/auth/page-access";
import { getWebhookEndpoint } from "@/lib/data/admin/webhooks";
import { NotFoundError } from "@/lib/errors";

export const metadata: Metadata = { title: "Webhook endpoint", robots: { index: false } };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function WebhookEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { allowed } = await pageAccess("admin", `/admin/webhooks/${id}`);
  if (!allowed) return <Forbidden what="Webhook endpoints are managed by admins." />;
  const endpoint = await getWebhookEndpoint(id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <p>
        <Link href="/admin/webhooks" className="underline">
          All webhooks
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-2xl font-bold break-all">{endpoint.url}</h1>
      <p className="mt-2 text-sm">
        {endpoint.enabled ? <Badge tone="done">Enabled</Badge> : <Badge tone="alert">Disabled</Badge>}{" "}
        {endpoint.disabledReason ?? ""}
      </p>
      <div className="mt-4">
        <WebhookControls endpointId={endpoint.id} enabled={endpoint.enabled} />
      </div>
      <h2 className="mt-8 font-serif text-xl font-semibold">Delivery log</h2>
      <table className="mt-3 w-full text-left text-sm">
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Event</th>
            <th scope="col">Message</th>
            <th scope="col">Attempt</th>
            <th scope="col">Response</th>
            <th scope="col">Time</th>
          </tr>
        </thead>
        <tbody>
          {endpoint.deliveries.map((d) => (
            <tr key={String(d.id)} className="border-t border-stone-200 dark:border-stone-800">
              <td>{when.format(d.at)}</td>
              <td>{d.eventType}</td>
              <td className="font-mono text-xs">{d.messageId}</td>
              <td>{d.attempt}</td>
              <td>
                {d.succeeded ? <Badge tone="done">{d.responseStatus}</Badge> : <Badge tone="alert">{d.error}</Badge>}
              </td>
              <td>{d.durationMs} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
      {endpoint.deliveries.length === 0 ? <p className="mt-2 text-stone-600">Nothing sent yet.</p> : null}
    </>
  );
}
