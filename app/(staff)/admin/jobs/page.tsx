import type { Metadata } from "next";
import { Forbidden } from "@/components/staff/forbidden";
import { pageAccess } from "@/lib/auth/page-access";
import { listFailedJobs } from "@/lib/data/admin/jobs";

export const metadata: Metadata = { title: "Failed jobs", robots: { index: false } };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function FailedJobsPage() {
  const { allowed } = await pageAccess("admin", "/admin/jobs");
  if (!allowed) return <Forbidden what="Background jobs are looked after by admins." />;
  const jobs = await listFailedJobs();
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Failed jobs</h1>
      <p className="mt-2 max-w-prose text-stone-700 dark:text-stone-300">
        Background jobs (webhook deliveries, link archiving) that failed after all their retries, with the last error.
      </p>
      {jobs.length === 0 ? (
        <p className="mt-6">No failed jobs.</p>
      ) : (
        <table className="mt-6 w-full text-left text-sm">
          <thead>
            <tr>
              <th scope="col">Failed (UTC)</th>
              <th scope="col">Queue</th>
              <th scope="col">Attempts</th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id} className="border-t border-stone-200 align-top dark:border-stone-800">
                <td>{job.failedOn ? when.format(job.failedOn) : "—"}</td>
                <td>{job.queue}</td>
                <td>{job.attempts}</td>
                <td className="font-mono text-xs break-all">{job.error}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
