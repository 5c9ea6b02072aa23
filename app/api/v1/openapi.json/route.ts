import { openApiDocument } from "@/lib/api/openapi";
import { siteUrl } from "@/lib/site-url";

export function GET() {
  return Response.json(openApiDocument(siteUrl().origin), {
    headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" },
  });
}
