import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Forbidden } from "@/components/staff/forbidden";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { pageAccess } from "@/lib/auth/page-access";
import { listAuditEntries, listAuditFilterOptions, type AuditEntryView } from "@/lib/data/admin/audit";
import { parseAuditFilter, type SearchParams } from "@/lib/validation/audit";

export const metadata: Metadata = { title: "Audit log", robots: { index: false } };

const FILTER_KEYS = ["userId", "entityType", "negotiationId", "from", "to"] as const;
const time = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const selectClass =
  "rounded border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600 dark:border-stone-600 dark:bg-stone-900";

/** A query string of the active filters plus `extra` (page cursor, page size). */
function hrefWith(path: string, values: Record<string, string>, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) if (values[key]) query.set(key, values[key]);
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { allowed } = await pageAccess("admin", "/admin/audit");
  if (!allowed) return <Forbidden what="The audit log is for admins." />;
  const parsed = parseAuditFilter(await searchParams);
  const { values } = parsed;
  const errors = parsed.ok ? {} : parsed.errors;
  const [options, page] = await Promise.all([
    listAuditFilterOptions(),
    parsed.ok ? listAuditEntries(parsed.filter) : null,
  ]);
  const pageSize: Record<string, string> = values.limit ? { limit: values.limit } : {};
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-3xl font-bold">Audit log</h1>
        {page ? (
          <a
            href={hrefWith("/api/admin/audit/export", values)}
            className="rounded bg-ink px-4 py-2 text-sm font-medium text-white dark:bg-stone-100 dark:text-stone-900"
          >
            Export CSV
          </a>
        ) : null}
      </div>
      <p className="mt-2 text-stone-700 dark:text-stone-300">
        Every change to editorial and admin records, newest first. Confidential source notes are never shown.
      </p>
      <form
        action="/admin/audit"
        method="get"
        aria-label="Filter the audit log"
        className="mt-6 grid gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5 dark:border-stone-800 dark:bg-stone-900"
      >
        <SelectField name="userId" label="User" any="Anyone" value={values.userId} errors={errors.userId}>
          {options.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="entityType"
          label="Record type"
          any="Any type"
          value={values.entityType}
          errors={errors.entityType}
        >
          {options.entityTypes.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="negotiationId"
          label="Negotiation"
          any="Any negotiation"
          value={values.negotiationId}
          errors={errors.negotiationId}
        >
          {options.negotiations.map((n) => (
            <option key={n.id} value={n.id}>
              {n.title}
            </option>
          ))}
        </SelectField>
        <Field name="from" label="From (UTC)" type="date" defaultValue={values.from} errors={errors.from} />
        <Field name="to" label="To (UTC, inclusive)" type="date" defaultValue={values.to} errors={errors.to} />
        {values.limit && !errors.limit ? <input type="hidden" name="limit" value={values.limit} /> : null}
        <div className="flex items-center gap-4 sm:col-span-2 lg:col-span-5">
          <button
            type="submit"
            className="rounded bg-ink px-4 py-2 text-sm font-medium text-white dark:bg-stone-100 dark:text-stone-900"
          >
            Filter
          </button>
          <Link href="/admin/audit" className="text-sm underline">
            Clear filters
          </Link>
        </div>
      </form>
      {page === null ? (
        <div className="mt-6">
          <Alert>{errors.cursor?.[0] ?? errors.limit?.[0] ?? "Please correct the filters marked above."}</Alert>
        </div>
      ) : page.entries.length === 0 ? (
        <p className="mt-8 text-stone-600 dark:text-stone-400">No audit entries match these filters.</p>
      ) : (
        <AuditTable entries={page.entries} />
      )}
      <nav aria-label="Audit log pages" className="mt-6 flex gap-4 text-sm">
        {values.cursor ? (
          <Link href={hrefWith("/admin/audit", values, pageSize)} className="underline">
            First page
          </Link>
        ) : null}
        {page?.nextCursor ? (
          <Link
            href={hrefWith("/admin/audit", values, { ...pageSize, cursor: page.nextCursor.toString() })}
            className="underline"
          >
            Next page
          </Link>
        ) : null}
      </nav>
    </>
  );
}

function SelectField({
  name,
  label,
  any,
  value,
  errors,
  children,
}: {
  name: string;
  label: string;
  any: string;
  value?: string;
  errors?: string[];
  children: ReactNode;
}) {
  const errorId = `${name}-error`;
  return (
    <div className="grid gap-1">
      <label htmlFor={name} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={name}
        name={name}
        defaultValue={value ?? ""}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        className={selectClass}
      >
        <option value="">{any}</option>
        {children}
      </select>
      <div id={errorId} aria-live="polite" className="text-sm text-red-700 dark:text-red-400">
        {errors?.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
    </div>
  );
}

function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  return (
    <div className="mt-6 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Audit entries, newest first</caption>
        <thead className="border-b border-stone-300 dark:border-stone-700">
          <tr>
            <th scope="col" className="py-2 pr-4">
              Time (UTC)
            </th>
            <th scope="col" className="py-2 pr-4">
              User
            </th>
            <th scope="col" className="py-2 pr-4">
              Action
            </th>
            <th scope="col" className="py-2 pr-4">
              Record
            </th>
            <th scope="col" className="py-2 pr-4">
              Negotiation
            </th>
            <th scope="col" className="py-2">
              Changed fields
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr
              key={entry.id}
              className="border-b border-stone-200 align-top dark:border-stone-800"
              data-testid={`audit-${entry.id}`}
            >
              <td className="py-2 pr-4 whitespace-nowrap">
                <time dateTime={entry.at}>{time.format(new Date(entry.at))}</time>
              </td>
              <td className="py-2 pr-4">
                <span dir="auto">{entry.userName}</span>
                {entry.userEmail ? (
                  <span className="block text-xs text-stone-600 dark:text-stone-400">{entry.userEmail}</span>
                ) : null}
                {entry.clientAddress || entry.userAgent ? (
                  <span className="block text-xs text-stone-600 dark:text-stone-400" data-testid="audit-client">
                    from <span className="font-mono">{entry.clientAddress ?? "unknown address"}</span>
                    {entry.userAgent ? (
                      <span className="block max-w-xs truncate" title={entry.userAgent} dir="ltr">
                        {entry.userAgent}
                      </span>
                    ) : null}
                  </span>
                ) : null}
              </td>
              <td className="py-2 pr-4">
                {entry.label}
                <span className="block font-mono text-xs text-stone-600 dark:text-stone-400">{entry.action}</span>
              </td>
              <td className="py-2 pr-4">
                {entry.entityType}
                <span className="block font-mono text-xs text-stone-600 dark:text-stone-400">{entry.entityId}</span>
              </td>
              <td className="py-2 pr-4">
                {entry.negotiation ? (
                  <Link href={`/editor/negotiations/${entry.negotiation.id}`} className="underline" dir="auto">
                    {entry.negotiation.title}
                  </Link>
                ) : (
                  "—"
                )}
              </td>
              <td className="py-2">
                {entry.changedFields.length ? entry.changedFields.join(", ") : "—"}
                <details className="mt-1">
                  <summary className="cursor-pointer text-xs underline">Before and after</summary>
                  <div className="mt-2 grid gap-2 md:grid-cols-2">
                    <JsonBlock label="Before" value={entry.before} />
                    <JsonBlock label="After" value={entry.after} />
                  </div>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <p className="text-xs font-semibold">{label}</p>
      <pre
        className="max-h-80 max-w-md overflow-auto rounded bg-stone-100 p-2 text-xs break-all whitespace-pre-wrap dark:bg-stone-800"
        dir="ltr"
      >
        {value === null || value === undefined ? "(none)" : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}
