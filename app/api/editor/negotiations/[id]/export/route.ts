import { z } from "zod";
import { apiError, badParameters } from "@/lib/api/respond";
import { toCsv } from "@/lib/csv";
import { exportNegotiation } from "@/lib/data/editor/export";
import { ExpectedError } from "@/lib/errors";

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

/** Staff exports of a negotiation (JSON: every dataset; CSV: one dataset). Staff only. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const parsed = query.safeParse({ id: (await params).id, ...Object.fromEntries(new URL(request.url).searchParams) });
  if (!parsed.success) return badParameters(parsed.error);
  const { id, format, dataset, scope } = parsed.data;
  try {
    const tables = await exportNegotiation(id, scope);
    const name = `parley-${id.slice(0, 8)}-${scope}`;
    const headers = { "Cache-Control": "private, no-store" };
    if (format === "json") {
      const json = Object.fromEntries(
        Object.entries(tables).map(([key, table]) => [
          key,
          table.rows.map((row) => Object.fromEntries(table.header.map((h, i) => [h, row[i]]))),
        ]),
      );
      return Response.json(json, {
        headers: { ...headers, "Content-Disposition": `attachment; filename="${name}.json"` },
      });
    }
    const table = tables[dataset];
    return new Response(toCsv(table.header, table.rows), {
      headers: {
        ...headers,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}-${dataset}.csv"`,
      },
    });
  } catch (error) {
    if (error instanceof ExpectedError) {
      const status =
        error.code === "UNAUTHENTICATED"
          ? 401
          : error.code === "FORBIDDEN"
            ? 403
            : error.code === "NOT_FOUND"
              ? 404
              : 400;
      return apiError(status, error.code.toLowerCase(), error.message);
    }
    throw error;
  }
}
