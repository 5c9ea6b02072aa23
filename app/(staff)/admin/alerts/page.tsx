import type { Metadata } from "next";
import { Forbidden } from "@/components/staff/forbidden";
import { pageAccess } from "@/lib/auth/page-access";
import { countAlertSubscribers } from "@/lib/data/admin/alert-subscribers";

export const metadata: Metadata = { title: "Reader alerts", robots: { index: false } };

export default async function AlertSubscribersPage() {
  const { allowed } = await pageAccess("admin", "/admin/alerts");
  if (!allowed) return <Forbidden what="Alert subscriptions are looked after by admins." />;
  const counts = await countAlertSubscribers();
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Reader alerts</h1>
      <p className="mt-2 max-w-prose text-stone-700 dark:text-stone-300">
        Readers who get e-mail alerts, counted per negotiation. Their addresses are personal data and are not shown to
        anyone; unsubscribing deletes them, and unconfirmed sign-ups are deleted after 48 hours.
      </p>
      {counts.length === 0 ? (
        <p className="mt-6">No subscribers yet.</p>
      ) : (
        <table className="mt-6 w-full text-left text-sm" data-testid="alert-counts">
          <thead>
            <tr>
              <th scope="col">Negotiation</th>
              <th scope="col">Confirmed</th>
              <th scope="col">Awaiting confirmation</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((row) => (
              <tr key={row.negotiationId ?? "all"}>
                <td>{row.title}</td>
                <td>{row.confirmed}</td>
                <td>{row.pending}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
