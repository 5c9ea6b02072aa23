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

/**
 * React's reply format gives strings that start with "$" a meaning: "$$…" is an escaped "$", a
 * few stand for plain values (undefined, NaN, ±Infinity, -0, dates, big integers), and the rest
 * are references to other parts of the body or to server-side objects (Map "$Q", Set "$W",
 * server function "$h", Blob "$B", iterator "$i", typed arrays "$A"/"$O"/"$U"/"$S"/"$F"/…,
 * promise "$@", form data "$K", outlined part "$1"). React throws on a reference it cannot
 * resolve, which Next answers with a 500 before the action (and its sign-in check) runs.
 * Parley's forms send plain values and, as multipart, form data; anything else is refused.
 */
const PLAIN_VALUE = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d+$)/;
/** References a multipart reply may hold: its form data ("$K1") and parts of the same body ("$2"). */
const PART_REFERENCE = /^\$(K)?([0-9a-f]+)$/;

/** The first string in a decoded reply that is a reference this request cannot carry, if any. */
export function forbiddenReference(value: unknown, parts?: ReadonlySet<string>): string | undefined {
  if (typeof value === "string") {
    if (!value.startsWith("$") || PLAIN_VALUE.test(value)) return undefined;
    const part = PART_REFERENCE.exec(value);
    // Form data needs no part of its own (an empty one is fine); an outlined part must exist.
    if (part && parts && (part[1] === "K" || parts.has(String(parseInt(part[2]!, 16))))) return undefined;
    return value;
  }
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) {
      const found = forbiddenReference(inner, parts);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function parsedArgumentList(text: string): unknown[] | undefined {
  if (jsonNesting(text) > MAX_NESTING) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the body is a reply React can decode: form data whose JSON parts reference only
 * parts that exist, or a JSON argument list of sane depth holding only plain values.
 */
async function wellFormed(request: NextRequest, body: ArrayBuffer): Promise<boolean> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "content-type": type } }).formData();
    } catch {
      return false;
    }
    // React's parts are named by number; form fields carry a "<number>_" prefix and are plain text.
    const parts = new Set([...form.keys()].filter((key) => /^\d+$/.test(key)));
    for (const key of parts) {
      const value = form.get(key);
      if (typeof value !== "string") continue;
      const parsed = parsedArgumentList(value.startsWith("[") ? value : `[${value}]`);
      if (!parsed || forbiddenReference(parsed, parts) !== undefined) return false;
    }
    return true;
  }
  const parsed = parsedArgumentList(new TextDecoder().decode(body));
  return parsed !== undefined && forbiddenReference(parsed) === undefined;
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
