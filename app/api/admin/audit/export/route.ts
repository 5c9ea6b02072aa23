import { staffRoute } from "@/lib/api/staff-route";
import { auditEntriesCsv } from "@/lib/data/admin/audit";
import { auditFilterSchema } from "@/lib/validation/audit";

/** The audit log as CSV, with the page's filters. Admins only (the data layer checks again). */
export const GET = staffRoute("admin", auditFilterSchema, async ({ input }) => {
  const csv = await auditEntriesCsv(input);
  const day = new Date().toISOString().slice(0, 10);
  // The byte-order mark makes spreadsheet apps read UTF-8 (Arabic names) correctly.
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="parley-audit-${day}.csv"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
});
