import type { Metadata } from "next";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { DisabledWebhooksNotice } from "@/components/admin/disabled-webhooks-notice";
import { UserControls } from "@/components/admin/user-controls";
import { Forbidden } from "@/components/staff/forbidden";
import { Badge } from "@/components/ui/badge";
import { pageAccess } from "@/lib/auth/page-access";
import { listStaff } from "@/lib/data/users";

export const metadata: Metadata = { title: "Staff accounts", robots: { index: false } };

const lastSeen = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function UsersPage() {
  const { user: me, allowed } = await pageAccess("admin", "/admin/users");
  if (!allowed) return <Forbidden what="Staff accounts are managed by admins." />;
  const staff = await listStaff();
  return (
    <>
      <DisabledWebhooksNotice />
      <h1 className="font-serif text-3xl font-bold">Staff accounts</h1>
      <section aria-labelledby="staff-list" className="mt-6">
        <h2 id="staff-list" className="sr-only">
          Current staff
        </h2>
        <ul className="grid gap-3">
          {staff.map((member) => (
            <li
              key={member.id}
              className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
              data-testid={`staff-${member.email}`}
            >
              <div className="flex flex-wrap items-center justify-between gap-3">
                <div>
                  <p className="font-medium" dir="auto">
                    {member.name}{" "}
                    {member.id === me.id ? (
                      <span className="text-sm text-stone-600 dark:text-stone-400">(you)</span>
                    ) : null}
                  </p>
                  <p className="text-sm text-stone-600 dark:text-stone-400">
                    {member.email} · {member.role === "ADMIN" ? "Admin" : "Journalist"} ·{" "}
                    {member.active ? <Badge tone="done">Active</Badge> : <Badge tone="alert">Deactivated</Badge>}
                    {member.lastSignInAt
                      ? ` · last sign-in ${lastSeen.format(member.lastSignInAt)} UTC`
                      : " · never signed in"}
                  </p>
                </div>
                {member.id === me.id ? null : (
                  <UserControls userId={member.id} name={member.name} role={member.role} active={member.active} />
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section
        aria-labelledby="new-staff"
        className="mt-10 rounded-lg border border-stone-200 bg-white p-6 dark:border-stone-800 dark:bg-stone-900"
      >
        <h2 id="new-staff" className="font-serif text-xl font-semibold">
          Add a staff member
        </h2>
        <div className="mt-4">
          <CreateUserForm />
        </div>
      </section>
    </>
  );
}
