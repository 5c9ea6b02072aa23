import { NextResponse, type NextRequest } from "next/server";
import { searchSources } from "@/lib/data/editor/workspace";
import { ExpectedError } from "@/lib/errors";

/** Source type-ahead for the editor. Staff only: the data layer checks the session. */
export async function GET(request: NextRequest) {
  const query = request.nextUrl.searchParams.get("q") ?? "";
  try {
    const sources = await searchSources(query);
    return NextResponse.json({ sources }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (error instanceof ExpectedError) {
      const status = error.code === "UNAUTHENTICATED" ? 401 : error.code === "FORBIDDEN" ? 403 : 400;
      return NextResponse.json({ error: { code: error.code, message: error.message } }, { status });
    }
    throw error;
  }
}
