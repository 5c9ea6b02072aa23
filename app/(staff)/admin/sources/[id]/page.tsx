import type { Metadata } from "next";
import Link from "next/link";
import { SourceStateActions } from "@/components/admin/source-actions";
import { SourceForm } from "@/components/admin/source-form";
import { Forbidden } from "@/components/staff/forbidden";
import { Badge } from "@/components/ui/badge";
import { pageAccess } from "@/lib/auth/page-access";
import { getSourceForStaff } from "@/lib/data/admin/sources";
import { getSourceTranslation } from "@/lib/data/editor/translation-overview";
import { TranslationField } from "@/components/editor/translation-field";
import { orNotFound, recordId } from "@/lib/editor-page";

export const metadata: Metadata = { title: "Source", robots: { index: false } };

export default async function SourceAdminPage({ params }: { params: Promise<{ id: string }> }) {
  const id = recordId((await params).id);
  const { allowed } = await pageAccess("admin", `/admin/sources/${id}`);
  if (!allowed) return <Forbidden what="Sources are managed by admins." />;
  const source = await orNotFound(getSourceForStaff(id));
  const arabicDescription = await getSourceTranslation(source.id, "ar");
  const citations = source._count.citations + source._count.relayed;
  return (
    <div className="grid gap-8">
      <header>
        <p className="text-sm">
          <Link href="/admin/sources" className="underline">
            ← Sources
          </Link>
        </p>
        <h1 className="mt-2 font-serif text-3xl font-bold" dir="auto">
          {source.name}
        </h1>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          {source.status === "PROPOSED" ? (
            <Badge tone="live">Proposed, awaiting review</Badge>
          ) : source.status === "ARCHIVED" ? (
            <Badge>Archived</Badge>
          ) : (
            <Badge tone="done">Active</Badge>
          )}
          <span>
            Cited {citations} time{citations === 1 ? "" : "s"}
          </span>
          {source.status !== "PROPOSED" ? (
            <Link href={`/sources/${source.slug}`} className="underline">
              Public page
            </Link>
          ) : null}
        </p>
      </header>
      <section aria-labelledby="source-state" className="rounded-lg border border-stone-200 p-4 dark:border-stone-700">
        <h2 id="source-state" className="font-serif text-xl font-semibold">
          Review, archive, merge
        </h2>
        <div className="mt-3">
          <SourceStateActions
            key={source.version}
            sourceId={source.id}
            version={source.version}
            status={source.status}
            cited={citations > 0}
            merged={source.mergedIntoId !== null}
          />
        </div>
      </section>
      <section aria-labelledby="source-edit">
        <h2 id="source-edit" className="font-serif text-xl font-semibold">
          Details
        </h2>
        <div className="mt-3">
          <SourceForm
            key={source.id}
            sourceId={source.id}
            version={source.version}
            initial={{
              name: source.name,
              kind: source.kind,
              url: source.url ?? "",
              language: source.language ?? "",
              publicDescription: source.publicDescription,
              reliability: source.reliability,
              ratingRationale: source.ratingRationale,
              confidentialNotes: source.confidential?.notes ?? "",
              contactConditions: source.confidential?.contactConditions ?? "",
            }}
          />
        </div>
        {arabicDescription && arabicDescription.state !== "not-needed" ? (
          <div className="mt-6 border-t border-stone-200 pt-4 dark:border-stone-700">
            <TranslationField key={arabicDescription.originalHash} item={arabicDescription} />
          </div>
        ) : null}
      </section>
      <section aria-labelledby="track-record">
        <h2 id="track-record" className="font-serif text-xl font-semibold">
          Track record
        </h2>
        <p className="mt-2 text-sm" data-testid="track-record">
          Of the claims cited from this source, editors marked {source.trackRecord.corroborated} corroborated and{" "}
          {source.trackRecord.contradicted} contradicted by later reporting; {source.trackRecord.unassessed} not yet
          assessed.
        </p>
      </section>
      <section aria-labelledby="source-citations">
        <h2 id="source-citations" className="font-serif text-xl font-semibold">
          Recent citations
        </h2>
        <ul className="mt-3 grid gap-1 text-sm">
          {source.citations.map((c) => (
            <li key={c.id}>
              “{c.attribution}” —{" "}
              {c.development ? (
                <Link href={`/editor/developments/${c.development.id}`} className="underline">
                  {c.development.title}
                </Link>
              ) : c.termsVersion ? (
                `terms version ${c.termsVersion.number}`
              ) : (
                "a figure"
              )}{" "}
              <span className="text-stone-600 dark:text-stone-400">
                ({c.development?.negotiation.title ?? c.termsVersion?.negotiation.title ?? ""})
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
