import { z } from "zod";
import { staffRoute } from "@/lib/api/staff-route";
import { toCsv } from "@/lib/csv";
import { exportNegotiation } from "@/lib/data/editor/export";

const query = z.object({
  id: z.uuid("Unknown negotiation."),
  format: z.enum(["json", "csv"], "format must be json or csv").default("json"),
  dataset: z
    .enum(
      ["timeline", "terms", "transfers", "figures", "citations"],
      "dataset must be timeline, terms, transfers, figures or citations",
    )
    .default("timeline"),
  scope: z.enum(["public", "staff"], "scope must be public or staff").default("public"),
});

/** Staff exports of a negotiation (JSON: every dataset; CSV: one dataset). Staff only (the data layer checks again). */
export const GET = staffRoute("journalist", query, async ({ input: { id, format, dataset, scope } }) => {
  const tables = await exportNegotiation(id, scope);
  const name = `parley-${id.slice(0, 8)}-${scope}`;
  if (format === "json") {
    const json = Object.fromEntries(
      Object.entries(tables).map(([key, table]) => [
        key,
        table.rows.map((row) => Object.fromEntries(table.header.map((h, i) => [h, row[i]]))),
      ]),
    );
    return Response.json(json, { headers: { "Content-Disposition": `attachment; filename="${name}.json"` } });
  }
  const table = tables[dataset];
  return new Response(toCsv(table.header, table.rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}-${dataset}.csv"`,
    },
  });
});
