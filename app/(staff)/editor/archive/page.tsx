import type { Metadata } from "next";
import { ReArchiveButton } from "@/components/editor/re-archive-button";
import { Forbidden } from "@/components/staff/forbidden";
import { pageAccess } from "@/lib/auth/page-access";
import { listCitedLinks } from "@/lib/data/snapshots";

export const metadata: Metadata = { title: "Archived citations", robots: { index: false } };

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function ArchivePage() {
  const { allowed } = await pageAccess("journalist", "/editor/archive");
  if (!allowed) return <Forbidden what="Cited links are for staff." />;
  const links = await listCitedLinks();
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Archived citations</h1>
      <p className="mt-2 max-w-prose text-stone-700 dark:text-stone-300">
        Every cited link is fetched when it is saved and kept with the SHA-256 of what came back, so the evidence
        survives if the page changes or disappears. A scheduled check asks every link again and marks those that now
        fail.
      </p>
      <ul className="mt-6 grid gap-3">
        {links.map((link) => (
          <li
            key={link.url}
            className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
          >
            <p className="break-all font-medium">{link.url}</p>
            <p className="mt-1 text-sm text-stone-700 dark:text-stone-300" data-testid="archive-status">
              {link.latest ? (
                <>
                  <a href={`/api/archive/${link.latest.id}`} className="underline">
                    archived {day.format(link.latest.fetchedAt)} UTC · sha256 {link.latest.sha256?.slice(0, 16)}…
                  </a>
                  {link.latest.status !== 200 ? ` · HTTP ${link.latest.status}` : ""}
                  {link.latest.finalUrl && link.latest.finalUrl !== link.url
                    ? ` · ended at ${link.latest.finalUrl}`
                    : ""}
                  {link.latest.publicArchiveUrl ? (
                    <>
                      {" · "}
                      <a href={link.latest.publicArchiveUrl} className="underline">
                        public archive
                      </a>
                    </>
                  ) : null}
                </>
              ) : (
                "not archived yet"
              )}
              {link.lastFailure ? ` · last attempt failed: ${link.lastFailure.error}` : ""} · cited {link.citations}×
            </p>
            {link.check && !link.check.ok ? (
              <p className="mt-1 text-sm font-medium text-red-800 dark:text-red-300" data-testid="link-check-failing">
                Link now fails: {link.check.error} (checked {day.format(link.check.checkedAt)} UTC, failing since{" "}
                {day.format(link.check.failingSince ?? link.check.checkedAt)} UTC)
              </p>
            ) : link.check ? (
              <p className="mt-1 text-sm text-stone-600 dark:text-stone-400" data-testid="link-check-ok">
                Link answered {link.check.status} when checked {day.format(link.check.checkedAt)} UTC
              </p>
            ) : null}
            <div className="mt-2">
              <ReArchiveButton url={link.url} />
            </div>
          </li>
        ))}
        {links.length === 0 ? <li>No cited links yet.</li> : null}
      </ul>
    </>
  );
}
