import "server-only";
import type { z } from "zod";
import { requireAccess, type Access, type SessionUser } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/db/connection";
import { ExpectedError } from "@/lib/errors";
import { errorFields, log } from "@/lib/log";
import { normaliseSearchParams } from "@/lib/validation/audit";

/**
 * The one wrapper for staff route handlers (app/api/editor/**, app/api/admin/**), after dub's
 * `withWorkspace`: the session and role are checked before anything is parsed, so a stranger learns
 * nothing (not even which parameters are wrong); then route parameters and the query string are parsed
 * with one zod schema; every error maps to one JSON shape and status; every answer is private.
 * The data layer checks the role again: this wrapper is the first gate, not the only one.
 */

const PRIVATE = { "Cache-Control": "private, no-store" };

const STATUS: Record<ExpectedError["code"], number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 400,
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export type StaffRouteHandler<Input> = (args: {
  request: Request;
  user: SessionUser;
  input: Input;
}) => Promise<Response>;

export function staffError(status: number, code: string, message: string, fields?: Record<string, string[]>): Response {
  return Response.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status, headers: PRIVATE });
}

export function staffRoute<Schema extends z.ZodType>(
  access: Exclude<Access, "user">,
  schema: Schema,
  handler: StaffRouteHandler<z.output<Schema>>,
) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    try {
      const user = await requireAccess(access);
      const params = context ? await context.params : {};
      // Empty query values count as "not set", as in the staff pages' filter forms.
      const parsed = schema.safeParse({ ...normaliseSearchParams(new URL(request.url).searchParams), ...params });
      if (!parsed.success) {
        const fields: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) (fields[issue.path.join(".") || "query"] ??= []).push(issue.message);
        return staffError(400, "INVALID", "Please correct the parameters.", fields);
      }
      const response = await handler({ request, user, input: parsed.data });
      for (const [name, value] of Object.entries(PRIVATE)) response.headers.set(name, value);
      return response;
    } catch (error) {
      if (error instanceof ExpectedError) return staffError(STATUS[error.code], error.code, error.message);
      if (isDatabaseUnavailable(error)) {
        const response = staffError(503, "DATABASE_UNAVAILABLE", "The database is not answering. Retry shortly.");
        response.headers.set("Retry-After", "5");
        return response;
      }
      log.error({ route: new URL(request.url).pathname, ...errorFields(error) }, "staff route failed");
      return staffError(500, "ERROR", "Something went wrong on our side. Nothing was changed.");
    }
  };
}
