import "server-only";
import { fromColumns, quantityColumnsSelect } from "@/lib/ledger/quantity";
import { requireAccess } from "@/lib/auth/session";
import { toPartialDateString } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { citationPhrase } from "@/lib/format/citation";
import { termsOneLiner } from "@/lib/format/terms";
import { apiQuantity } from "@/lib/api/ledger";

/** kind, value, min, max, qualifier, wording: a quantity's columns in a CSV row. */
const quantityCells = (q: NonNullable<ReturnType<typeof apiQuantity>>) => [
  q.kind,
  q.value?.toString() ?? "",
  q.min?.toString() ?? "",
  q.max?.toString() ?? "",
  q.qualifier ?? "",
  q.wording ?? "",
];
import { loadLedger } from "../reader/ledger";
import { publicRow } from "../reader/public-selects";

export type ExportScope = "public" | "staff";
export type ExportDataset = "timeline" | "terms" | "transfers" | "figures" | "citations";
export type ExportTable = { header: string[]; rows: string[][] };

const sourceFields = { name: true } as const;

/**
 * A negotiation's records as tables. The public scope holds exactly what
 * readers can see; the staff scope adds drafts and archived records. Neither
 * ever holds confidential source notes.
 */
export async function exportNegotiation(
  negotiationId: string,
  scope: ExportScope,
): Promise<Record<ExportDataset, ExportTable>> {
  await requireAccess("journalist");
  const visible = scope === "public" ? publicRow : {};
  const negotiation = await db().negotiation.findFirst({
    where: { id: negotiationId, ...visible },
    select: {
      developments: {
        where: visible,
        orderBy: [{ occurredOn: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          title: true,
          summary: true,
          kind: true,
          occurredOn: true,
          occurredPrecision: true,
          publication: true,
          archivedAt: true,
          singleAnonymousSource: true,
          corrections: { select: { note: true, correctedAt: true } },
          citations: {
            orderBy: { position: "asc" },
            select: {
              attribution: true,
              url: true,
              publishedOn: true,
              source: { select: sourceFields },
              viaSource: { select: sourceFields },
            },
          },
        },
      },
      termsVersions: {
        where: visible,
        orderBy: { number: "asc" },
        select: {
          number: true,
          status: true,
          proposedOn: true,
          proposedPrecision: true,
          publication: true,
          phase: { select: { number: true, name: true } },
          terms: {
            orderBy: [{ position: "asc" }, { id: "asc" }],
            select: {
              ...quantityColumnsSelect,
              perUnit: true,
              withdrawn: true,
              obligation: { select: { category: true, releasingActorId: true } },
            },
          },
          citations: {
            orderBy: { position: "asc" },
            select: {
              attribution: true,
              url: true,
              publishedOn: true,
              source: { select: sourceFields },
              viaSource: { select: sourceFields },
            },
          },
        },
      },
      figures: {
        where: visible,
        orderBy: { position: "asc" },
        select: {
          label: true,
          unit: true,
          claims: {
            where: { archivedAt: null },
            orderBy: { position: "asc" },
            select: {
              ...quantityColumnsSelect,
              asOf: true,
              asOfPrecision: true,
              citations: {
                orderBy: { position: "asc" },
                select: {
                  attribution: true,
                  url: true,
                  publishedOn: true,
                  source: { select: sourceFields },
                  viaSource: { select: sourceFields },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!negotiation) throw new NotFoundError("That negotiation does not exist or is not published.");

  const staff = scope === "staff";
  const day = (date: Date | null) => (date ? toPartialDateString(date, "DAY") : "");
  const cite = (c: { attribution: string; via: { name: string } | null }) => citationPhrase(c);
  const citationRows: string[][] = [];
  const collect = (
    target: string,
    citations: Array<{
      attribution: string;
      url: string | null;
      publishedOn: Date | null;
      source: { name: string };
      viaSource: { name: string } | null;
    }>,
  ) => {
    for (const c of citations)
      citationRows.push([
        target,
        c.source.name,
        c.viaSource?.name ?? "",
        c.attribution,
        c.url ?? "",
        day(c.publishedOn),
      ]);
  };

  const timeline: ExportTable = {
    header: [
      "id",
      "occurredOn",
      "precision",
      "title",
      "summary",
      "kind",
      "singleAnonymousSource",
      "citations",
      "corrections",
      ...(staff ? ["state"] : []),
    ],
    rows: negotiation.developments.map((d) => {
      collect(`development: ${d.title}`, d.citations);
      return [
        d.id,
        toPartialDateString(d.occurredOn, d.occurredPrecision),
        d.occurredPrecision,
        d.title,
        d.summary,
        d.kind,
        String(d.singleAnonymousSource),
        d.citations.map((c) => cite({ attribution: c.attribution, via: c.viaSource })).join("; "),
        d.corrections.map((c) => `${day(c.correctedAt)}: ${c.note}`).join("; "),
        ...(staff ? [d.archivedAt ? "ARCHIVED" : d.publication] : []),
      ];
    }),
  };
  const terms: ExportTable = {
    header: ["phase", "version", "proposedOn", "status", "terms", ...(staff ? ["state"] : [])],
    rows: negotiation.termsVersions.map((v) => {
      collect(`terms version ${v.number}`, v.citations);
      return [
        v.phase.name || String(v.phase.number),
        String(v.number),
        toPartialDateString(v.proposedOn, v.proposedPrecision),
        v.status,
        termsOneLiner(
          v.terms
            .filter((t) => !t.withdrawn)
            .map((t) => ({
              quantity: fromColumns(t),
              category: t.obligation.category,
              releasingActorId: t.obligation.releasingActorId,
            })),
        ),
        ...(staff ? [v.publication] : []),
      ];
    }),
  };
  // Transfers as the ledger reads them: public ones for the public scope, drafts too for staff.
  const ledger = await loadLedger(negotiationId, staff ? "staff" : "public");
  const transfers: ExportTable = {
    header: [
      "date",
      "precision",
      "releasing",
      "receiving",
      "category",
      "kind",
      "value",
      "min",
      "max",
      "qualifier",
      "wording",
      "text",
      "place",
      "intermediary",
      "reportedDifferently",
      "developmentId",
    ],
    rows: ledger.transfers.map((t) => {
      const q = apiQuantity(t.quantity)!;
      return [
        toPartialDateString(new Date(t.date), t.precision),
        t.precision,
        t.releasing.name,
        t.receiving.name,
        t.category,
        ...quantityCells(q),
        q.text,
        t.place,
        t.intermediary?.name ?? "",
        t.accounts.map((a) => `${a.attribution}: ${a.text}${a.source ? ` (per ${a.source.name})` : ""}`).join("; "),
        t.developmentId ?? "",
      ];
    }),
  };
  const figures: ExportTable = {
    header: ["figure", "unit", "claim", "kind", "value", "min", "max", "qualifier", "wording", "asOf", "attribution"],
    rows: negotiation.figures.flatMap((f) =>
      f.claims.map((c) => {
        collect(`figure: ${f.label}`, c.citations);
        const q = apiQuantity(fromColumns(c))!;
        return [
          f.label,
          f.unit,
          q.text,
          ...quantityCells(q),
          c.asOf ? toPartialDateString(c.asOf, c.asOfPrecision) : "",
          c.citations.map((x) => cite({ attribution: x.attribution, via: x.viaSource })).join("; "),
        ];
      }),
    ),
  };
  return {
    timeline,
    transfers,
    terms,
    figures,
    citations: { header: ["supports", "source", "via", "attribution", "url", "publishedOn"], rows: citationRows },
  };
}
