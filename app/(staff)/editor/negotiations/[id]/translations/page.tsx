import type { Metadata } from "next";
import Link from "next/link";
import { TranslationField } from "@/components/editor/translation-field";
import { TranslationSummary } from "@/components/editor/translation-summary";
import { Forbidden } from "@/components/staff/forbidden";
import { pageAccess } from "@/lib/auth/page-access";
import { getTranslationOverview } from "@/lib/data/editor/translation-overview";
import { orNotFound, recordId } from "@/lib/editor-page";

export const metadata: Metadata = { title: "Arabic translations", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

/** Every translatable text of one negotiation with its Arabic: missing and outdated ones first. */
export default async function NegotiationTranslationsPage({ params }: Props) {
  const id = recordId((await params).id);
  const { allowed } = await pageAccess("journalist", `/editor/negotiations/${id}/translations`);
  if (!allowed) return <Forbidden what="The editor is for journalists and admins." />;
  const overview = await orNotFound(getTranslationOverview(id, "ar"));
  const order = { outdated: 0, missing: 1, current: 2, "not-needed": 3 } as const;
  const items = [...overview.items].sort(
    (a, b) => Number(b.published) - Number(a.published) || order[a.state] - order[b.state],
  );
  return (
    <div className="grid gap-8">
      <header>
        <p className="text-sm">
          <Link href={`/editor/negotiations/${id}`} className="underline">
            ← {overview.negotiation.title}
          </Link>
        </p>
        <h1 className="mt-2 font-serif text-3xl font-bold">Arabic translations</h1>
        <TranslationSummary negotiationId={id} counts={overview.counts} linked={false} />
      </header>
      <ul className="grid gap-6">
        {items.map((item) => (
          <li
            key={`${item.field}:${item.entityId}`}
            className="grid gap-1 border-t border-stone-200 pt-4 dark:border-stone-700"
          >
            <p className="text-xs text-stone-600 dark:text-stone-400" dir="auto">
              {item.context}
              {item.published ? "" : " (not published yet)"}
            </p>
            <TranslationField item={item} />
          </li>
        ))}
      </ul>
    </div>
  );
}
