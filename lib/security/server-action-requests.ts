// Server-action POSTs that Next.js would answer with a 500 (its CSRF check
// throws, its body-size limit throws, React cannot decode the reply) get a
// clear 4xx here instead, before Next reads them. Used by proxy.ts.
import { NextResponse, type NextRequest } from "next/server";

/** Next's default `serverActions.bodySizeLimit`. */
export const ACTION_BODY_LIMIT = 1024 * 1024;
/** Far deeper than any form's input; React's reply decoder recurses per level. */
const MAX_NESTING = 64;

export function plainError(status: number, message: string): NextResponse {
  return new NextResponse(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

function sameOrigin(request: NextRequest, origin: string): boolean {
  const host = (request.headers.get("x-forwarded-host") ?? request.headers.get("host"))?.split(",")[0]?.trim();
  try {
    return Boolean(host) && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The deepest nesting of arrays and objects in JSON text, not counting brackets inside strings. */
export function jsonNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "[" || char === "{") deepest = Math.max(deepest, ++depth);
    else if (char === "]" || char === "}") depth -= 1;
  }
  return deepest;
}

/** Whether the body is a reply React can decode: form data, or a JSON argument list of sane depth. */
async function wellFormed(request: NextRequest, body: ArrayBuffer): Promise<boolean> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    try {
      await new Response(body, { headers: { "content-type": type } }).formData();
      return true;
    } catch {
      return false;
    }
  }
  const text = new TextDecoder().decode(body);
  if (jsonNesting(text) > MAX_NESTING) return false;
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

/**
 * A 403 for a server action posted from another site (like Next, a request
 * without an Origin header is left to Next, which still needs the session
 * cookie), a 413 for a body over the limit, a 400 for one React cannot decode;
 * undefined for anything else.
 */
export async function refuseServerAction(request: NextRequest): Promise<NextResponse | undefined> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return undefined;
  const origin = request.headers.get("origin");
  if (origin !== null && !sameOrigin(request, origin))
    return plainError(403, "Cross-origin form submissions are not allowed.");
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > ACTION_BODY_LIMIT) return plainError(413, "This submission is too large.");
  // The proxy reads a copy; the action still receives the body.
  const body = await request.clone().arrayBuffer();
  if (body.byteLength > ACTION_BODY_LIMIT) return plainError(413, "This submission is too large.");
  if (!(await wellFormed(request, body))) return plainError(400, "This submission is malformed.");
  return undefined;
}
