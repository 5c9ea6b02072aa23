import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { listAutoDisabledEndpoints } from "@/lib/data/admin/webhooks";

/** The notice admins see after an endpoint was switched off for failing. */
export async function DisabledWebhooksNotice() {
  const disabled = await listAutoDisabledEndpoints();
  if (disabled.length === 0) return null;
  return (
    <div className="mb-6">
      <Alert>
        {disabled.length === 1 ? "A webhook endpoint was" : `${disabled.length} webhook endpoints were`} disabled after
        repeated failures:{" "}
        {disabled.map((d, i) => (
          <span key={d.id}>
            {i > 0 ? ", " : null}
            <Link href={`/admin/webhooks/${d.id}`} className="underline">
              {d.url}
            </Link>
          </span>
        ))}
        .
      </Alert>
    </div>
  );
}
