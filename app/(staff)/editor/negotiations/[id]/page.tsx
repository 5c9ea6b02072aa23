import type { Metadata } from "next";
import Link from "next/link";
import { EmbedSnippet } from "@/components/editor/embed-snippet";
import { FigureClaimForm } from "@/components/editor/figure-claim-form";
import { NegotiationForm } from "@/components/editor/negotiation-form";
import { NegotiationPublicationButton } from "@/components/editor/negotiation-publication-button";
import { AddParticipantForm, ParticipantArchiveButton } from "@/components/editor/participant-form";
import { PhaseForm } from "@/components/editor/phase-form";
import { TermsDiscardButton } from "@/components/editor/terms-discard-button";
import { TranslationField } from "@/components/editor/translation-field";
import { TranslationSummary } from "@/components/editor/translation-summary";
import { getTranslationOverview } from "@/lib/data/editor/translation-overview";
import { toPartialDateString } from "@/lib/dates";
import { TermsPublicationButton } from "@/components/editor/terms-publication-button";
import { StageBadge } from "@/components/negotiations/stage-badge";
import { PartialDate } from "@/components/reader/partial-date";
import { Forbidden } from "@/components/staff/forbidden";
import { Badge } from "@/components/ui/badge";
import { pageAccess } from "@/lib/auth/page-access";
import { TermsCard } from "@/components/reader/terms-card";
import { getNegotiationWorkspace, getStaffLedger, listActorOptions } from "@/lib/data/editor/workspace";
import { orNotFound, recordId } from "@/lib/editor-page";
import { participationRoleLabels, stageLabels, termsStatusLabels } from "@/lib/format/labels";
import { termsOneLiner } from "@/lib/format/terms";
import { embedSnippet } from "@/lib/embed";
import { siteUrl } from "@/lib/site-url";

export const metadata: Metadata = { title: "Negotiation workspace", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

export default async function NegotiationWorkspacePage({ params }: Props) {
  const id = recordId((await params).id);
  const { allowed } = await pageAccess("journalist", `/editor/negotiations/${id}`);
  if (!allowed) return <Forbidden what="The editor is for journalists and admins." />;
  const [negotiation, actors, ledger, translations] = await Promise.all([
    orNotFound(getNegotiationWorkspace(id)),
    listActorOptions(),
    getStaffLedger(id),
    orNotFound(getTranslationOverview(id, "ar")),
  ]);
  const ownTexts = translations.items.filter((item) => item.entityId === id);
  const versionViews = new Map(ledger.termsVersions.map((v) => [v.id, v]));
  const phaseNames = new Map(
    negotiation.phases.map((p) => [p.id, p.name || (negotiation.phases.length > 1 ? `Phase ${p.number}` : "")]),
  );
  const published = negotiation.publication === "PUBLISHED";
  return (
    <div className="grid gap-8">
      <header>
        <p className="text-sm">
          <Link href="/editor" className="underline">
            ← Editor
          </Link>
        </p>
        <h1 className="mt-2 font-serif text-3xl font-bold" dir="auto">
          {negotiation.title}
        </h1>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <StageBadge stage={negotiation.stage} />{" "}
          {negotiation.archivedAt ? (
            <Badge tone="alert">Archived</Badge>
          ) : published ? (
            <Badge tone="done">Published</Badge>
          ) : (
            <Badge>Draft</Badge>
          )}
          {published && !negotiation.archivedAt ? (
            <Link href={`/negotiations/${negotiation.slug}`} className="underline">
              View as readers
            </Link>
          ) : null}
          <NegotiationPublicationButton
            key={negotiation.version}
            negotiationId={negotiation.id}
            version={negotiation.version}
            published={published}
            archived={negotiation.archivedAt !== null}
            summary={{
              title: negotiation.title,
              stage: stageLabels[negotiation.stage],
              publishedTerms: negotiation.termsVersions.filter((v) => v.publication === "PUBLISHED").length,
              publishedDevelopments: negotiation.developments.filter(
                (d) => d.publication === "PUBLISHED" && !d.archivedAt,
              ).length,
              previewHref: `/editor/negotiations/${negotiation.id}/preview`,
            }}
          />
        </p>
        <div className="mt-4 flex flex-wrap gap-3">
          <Link
            href={`/editor/negotiations/${negotiation.id}/developments/new`}
            className="rounded bg-ink px-4 py-2 text-sm font-medium text-white dark:bg-stone-100 dark:text-stone-900"
          >
            Log a development
          </Link>
          <Link
            href={`/editor/negotiations/${negotiation.id}/developments/quick`}
            className="rounded px-4 py-2 text-sm ring-1 ring-stone-300 dark:ring-stone-600"
          >
            Quick entry
          </Link>
          <Link
            href={`/editor/negotiations/${negotiation.id}/terms/new`}
            className="rounded px-4 py-2 text-sm ring-1 ring-stone-300 dark:ring-stone-600"
          >
            Update the terms
          </Link>
          <Link
            href={`/editor/negotiations/${negotiation.id}/preview`}
            className="rounded px-4 py-2 text-sm ring-1 ring-stone-300 dark:ring-stone-600"
          >
            Preview as readers will see it
          </Link>
        </div>
        <TranslationSummary negotiationId={negotiation.id} counts={translations.counts} />
      </header>

      {published ? (
        <EmbedSnippet
          snippet={embedSnippet(
            new URL(`/embed/negotiations/${negotiation.slug}`, siteUrl()).toString(),
            negotiation.title,
          )}
        />
      ) : null}

      <details className="rounded-lg border border-stone-200 p-4 dark:border-stone-700">
        <summary className="cursor-pointer font-serif text-xl font-semibold">Details</summary>
        <div className="mt-4">
          <NegotiationForm
            key={negotiation.id}
            negotiationId={negotiation.id}
            version={negotiation.version}
            published={published}
            initial={{
              title: negotiation.title,
              slug: negotiation.slug,
              summary: negotiation.summary,
              region: negotiation.region,
              country: negotiation.country,
              stage: negotiation.stage,
            }}
          />
        </div>
        <div className="mt-6 grid gap-4 border-t border-stone-200 pt-4 dark:border-stone-700">
          {ownTexts.map((item) => (
            <TranslationField key={item.field} item={item} />
          ))}
        </div>
      </details>

      <section aria-labelledby="participants-heading">
        <h2 id="participants-heading" className="font-serif text-xl font-semibold">
          Who is involved
        </h2>
        <ul className="mt-3 grid gap-2 text-sm">
          {negotiation.participations.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center gap-2">
              <span className="font-medium" dir="auto">
                {p.actor.name}
              </span>
              <span>
                — {participationRoleLabels[p.role].one}
                {p.side ? `, side: ${p.side}` : ""}
              </span>
              {p.archivedAt ? <Badge>Removed</Badge> : null}
              <ParticipantArchiveButton participationId={p.id} name={p.actor.name} archived={p.archivedAt !== null} />
            </li>
          ))}
        </ul>
        <details className="mt-3">
          <summary className="cursor-pointer text-sm underline">Add a participant</summary>
          <div className="mt-3">
            <AddParticipantForm negotiationId={negotiation.id} actors={actors} />
          </div>
        </details>
      </section>

      <section aria-labelledby="developments-heading">
        <h2 id="developments-heading" className="font-serif text-xl font-semibold">
          Developments
        </h2>
        <ul className="mt-3 grid gap-2">
          {negotiation.developments.map((d) => (
            <li
              key={d.id}
              className="flex flex-wrap items-center gap-2 rounded border border-stone-200 p-3 text-sm dark:border-stone-700"
              data-testid="workspace-development"
            >
              <PartialDate iso={d.occurredOn.toISOString()} precision={d.occurredPrecision} />
              <Link href={`/editor/developments/${d.id}`} className="font-medium underline" dir="auto">
                {d.title}
              </Link>
              {d.archivedAt ? (
                <Badge tone="alert">Archived</Badge>
              ) : d.publication === "PUBLISHED" ? (
                <Badge tone="done">Published</Badge>
              ) : (
                <Badge>Draft</Badge>
              )}
              <span className="text-stone-600 dark:text-stone-400">
                {d._count.citations} citation{d._count.citations === 1 ? "" : "s"}
                {d._count.corrections ? `, ${d._count.corrections} correction(s)` : ""}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="terms-versions-heading">
        <h2 id="terms-versions-heading" className="font-serif text-xl font-semibold">
          Terms versions
        </h2>
        <ul className="mt-3 grid gap-2">
          {negotiation.termsVersions.map((v) => (
            <li
              key={v.id}
              className="flex flex-wrap items-center gap-3 rounded border border-stone-200 p-3 text-sm dark:border-stone-700"
              data-testid="workspace-terms"
            >
              <span className="font-medium">
                {phaseNames.get(v.phaseId) ? `${phaseNames.get(v.phaseId)}, v` : "V"}ersion {v.number}
              </span>
              <span dir="auto">
                {termsOneLiner(
                  (versionViews.get(v.id)?.obligations ?? [])
                    .filter((o) => !o.withdrawn)
                    .map((o) => ({ quantity: o.agreed, category: o.category, releasingActorId: o.releasing.slug })),
                )}
              </span>
              <span>({termsStatusLabels[v.status]})</span>
              {v.publication === "PUBLISHED" ? <Badge tone="done">Published</Badge> : <Badge>Draft</Badge>}
              <TermsPublicationButton
                termsVersionId={v.id}
                version={v.version}
                published={v.publication === "PUBLISHED"}
              />
              {v.publication === "DRAFT" && !v.supersededBy && v._count.developments === 0 ? (
                <TermsDiscardButton termsVersionId={v.id} version={v.version} />
              ) : null}
            </li>
          ))}
        </ul>
        {negotiation.phases.map((phase) => (
          <details key={phase.id} className="mt-3">
            <summary className="cursor-pointer text-sm underline">
              Edit {phase.name ? `phase “${phase.name}”` : `phase ${phase.number}`}: name, summary, dates
            </summary>
            <div className="mt-3">
              <PhaseForm
                key={phase.version}
                phaseId={phase.id}
                version={phase.version}
                initial={{
                  name: phase.name,
                  summary: phase.summary,
                  startedOn: phase.startedOn ? toPartialDateString(phase.startedOn, phase.startedPrecision) : "",
                  endedOn: phase.endedOn ? toPartialDateString(phase.endedOn, phase.endedPrecision) : "",
                }}
              />
            </div>
          </details>
        ))}
        {ledger.phases.some((p) => p.current) ? (
          <details className="mt-3">
            <summary className="cursor-pointer text-sm underline">
              Preview the terms and totals as readers will see them once everything is published
            </summary>
            <div className="mt-3">
              <TermsCard phases={ledger.phases} sides={ledger.sides} headingId="terms-preview" />
            </div>
          </details>
        ) : null}
      </section>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading" className="font-serif text-xl font-semibold">
          Export
        </h2>
        <p className="mt-2 flex flex-wrap gap-3 text-sm">
          <a className="underline" href={`/api/editor/negotiations/${negotiation.id}/export?format=json`}>
            All, public (JSON)
          </a>
          <a className="underline" href={`/api/editor/negotiations/${negotiation.id}/export?format=json&scope=staff`}>
            All, with drafts (JSON)
          </a>
          {(["timeline", "terms", "transfers", "figures", "citations"] as const).map((dataset) => (
            <a
              key={dataset}
              className="underline"
              href={`/api/editor/negotiations/${negotiation.id}/export?format=csv&dataset=${dataset}`}
            >
              {dataset} (CSV)
            </a>
          ))}
        </p>
      </section>

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading" className="font-serif text-xl font-semibold">
          Figures
        </h2>
        <ul className="mt-3 grid gap-1 text-sm">
          {negotiation.figures.map((f) => (
            <li key={f.id}>
              {f.label} ({f._count.claims} claim{f._count.claims === 1 ? "" : "s"})
            </li>
          ))}
        </ul>
        <details className="mt-3">
          <summary className="cursor-pointer text-sm underline">Add an attributed figure</summary>
          <div className="mt-3">
            <FigureClaimForm
              negotiationId={negotiation.id}
              figures={negotiation.figures.map((f) => ({ id: f.id, label: f.label }))}
            />
          </div>
        </details>
      </section>
    </div>
  );
}
