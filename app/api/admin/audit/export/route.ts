import { NextResponse, type NextRequest } from "next/server";
import { requireAccess } from "@/lib/auth/session";
import { auditEntriesCsv } from "@/lib/data/admin/audit";
import { ExpectedError } from "@/lib/errors";
import { parseAuditFilter } from "@/lib/validation/audit";

const noStore = { "Cache-Control": "private, no-store" };

/** The audit log as CSV, with the page's filters. Admins only: the data layer checks the session. */
export async function GET(request: NextRequest) {
  try {
    // Checked before parsing so a stranger learns nothing, not even which filters are wrong.
    await requireAccess("admin");
    const parsed = parseAuditFilter(request.nextUrl.searchParams);
    if (!parsed.ok) {
      return NextResponse.json(
        { error: { code: "INVALID", message: "Please correct the filters.", fields: parsed.errors } },
        { status: 400, headers: noStore },
      );
    }
    const csv = await auditEntriesCsv(parsed.filter);
    const day = new Date().toISOString().slice(0, 10);
    // The byte-order mark makes spreadsheet apps read UTF-8 (Arabic names) correctly.
    return new NextResponse(`\uFEFF${csv}`, {
      headers: {
        ...noStore,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="parley-audit-${day}.csv"`,
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof ExpectedError) {
      const status = error.code === "UNAUTHENTICATED" ? 401 : error.code === "FORBIDDEN" ? 403 : 400;
      return NextResponse.json({ error: { code: error.code, message: error.message } }, { status, headers: noStore });
    }
    throw error;
  }
}
