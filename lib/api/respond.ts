import type { z } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/connection";
import { errorFields, log } from "@/lib/log";
import { jsonEtag } from "./etag";
import { cacheControlFor } from "@/lib/server/public-cache-control";
import type { ApiLanguage } from "./language";

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since, Accept-Language",
  "Access-Control-Expose-Headers": "ETag, Last-Modified, Content-Language",
};

export function apiError(status: number, code: string, message: string, fields?: Record<string, string[]>): Response {
  return Response.json(
    { error: { code, message, ...(fields ? { fields } : {}) } },
    { status, headers: { ...CORS, "Cache-Control": "no-store" } },
  );
}

export function badParameters(error: z.ZodError): Response {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) (fields[issue.path.join(".") || "query"] ??= []).push(issue.message);
  return apiError(400, "bad_parameters", Object.values(fields).flat().join("; "), fields);
}

export function preflight(): Response {
  return new Response(null, { status: 204, headers: { ...CORS, "Access-Control-Max-Age": "86400" } });
}

/**
 * JSON with validators: the ETag is a hash of the body, so an unchanged answer
 * costs a conditional client one 304 and no body. With a language, the answer says which
 * (Content-Language) and, when the Accept-Language header chose it, that it varies by that
 * header; a `?lang=` URL does not vary, so a shared cache keeps one copy per URL.
 */
export function cachedJson(
  request: Request,
  body: unknown,
  lastModified: Date | null,
  language?: ApiLanguage,
): Response {
  const text = JSON.stringify(body);
  const etag = jsonEtag(text);
  const headers: Record<string, string> = {
    ...CORS,
    ETag: etag,
    "Cache-Control": cacheControlFor(request, 15),
    Vary: language?.negotiated ? "Accept-Encoding, Accept-Language" : "Accept-Encoding",
  };
  if (language) headers["Content-Language"] = language.locale;
  if (lastModified) headers["Last-Modified"] = lastModified.toUTCString();
  const ifNoneMatch = request.headers.get("if-none-match");
  const matches = ifNoneMatch?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
  const ifModifiedSince = request.headers.get("if-modified-since");
  const notModifiedSince =
    !ifNoneMatch &&
    ifModifiedSince &&
    lastModified &&
    Math.floor(lastModified.getTime() / 1000) <= Math.floor(Date.parse(ifModifiedSince) / 1000);
  if (matches || notModifiedSince) return new Response(null, { status: 304, headers });
  return new Response(text, {
    status: 200,
    headers: { ...headers, "Content-Type": "application/json; charset=utf-8" },
  });
}

export function searchParamsObject(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams.entries());
}

const UNAVAILABLE = "Parley cannot reach its database right now. Please retry in a few seconds.";
const RETRY_AFTER_SECONDS = "5";

/**
 * A route handler that answers a database outage with 503 and Retry-After (JSON
 * for the API, plain text for feeds and embeds) instead of a generic 500.
 */
export function withDatabaseErrors<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
  format: "json" | "text" = "json",
) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      log.error(errorFields(error), "database unavailable");
      if (format === "text") {
        return new Response(UNAVAILABLE, {
          status: 503,
          headers: {
            "Content-Type": "text/plain; charset=utf-8",
            "Cache-Control": "no-store",
            "Retry-After": RETRY_AFTER_SECONDS,
          },
        });
      }
      const response = apiError(503, "database_unavailable", UNAVAILABLE);
      response.headers.set("Retry-After", RETRY_AFTER_SECONDS);
      return response;
    }
  };
}
