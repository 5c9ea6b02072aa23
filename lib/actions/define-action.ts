import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { headers } from "next/headers";
import { requireAccess, type Access, type SessionUser } from "@/lib/auth/session";
import {
  bindIdempotencyKey,
  IDEMPOTENCY_FIELD,
  IDEMPOTENCY_HEADER,
  isValidIdempotencyKey,
  runIdempotent,
} from "@/lib/data/idempotency";
import { ExpectedError, RuleViolationError } from "@/lib/errors";
import { errorFields, log } from "@/lib/log";
import { UNSTORABLE_TEXT } from "@/lib/validation/common";
import { describeWriteFailure, type WriteFailureCode } from "./write-failure";

/** The one shape every server action returns; forms read it with useActionState. */
export type ActionResult<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | {
      ok: false;
      code: ExpectedError["code"] | WriteFailureCode | "ERROR";
      message: string;
      errors?: Record<string, string[]>;
      values?: Record<string, string>;
    };

export const ACTION_ACCESS = Symbol.for("parley.action-access");

export type ServerAction<T> = ((
  previous: unknown,
  input: FormData | Record<string, unknown>,
) => Promise<ActionResult<T>>) & {
  [ACTION_ACCESS]?: Access;
};

/** Which role an action requires; undefined for a function not built by a wrapper. */
export function accessOf(action: unknown): Access | undefined {
  return typeof action === "function" ? (action as ServerAction<unknown>)[ACTION_ACCESS] : undefined;
}

function toObject(input: FormData | Record<string, unknown>): Record<string, unknown> {
  // A copy: the wrapper takes the idempotency key out, and the caller's object stays as it was.
  if (!(input instanceof FormData)) return { ...input };
  const object: Record<string, unknown> = {};
  for (const [key, value] of input.entries()) {
    if (key.startsWith("$ACTION")) continue;
    object[key] = typeof value === "string" ? value : value.name;
  }
  return object;
}

// Never sent back in a response, even to the person who typed them.
const SECRET_FIELDS = /password|confidential|contactConditions/i;

/** What the user typed, to refill the form; secrets are never sent back. */
function echo(values: Record<string, unknown>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === "string" && !SECRET_FIELDS.test(key)) kept[key] = value.slice(0, 20_000);
  }
  return kept;
}

/**
 * The submission's idempotency key: a form field (the shared form plumbing adds
 * one per intended submission) or the Idempotency-Key header. Taken out of the
 * values so no schema has to know about it.
 */
async function takeIdempotencyKey(values: Record<string, unknown>): Promise<string | undefined> {
  const field = values[IDEMPOTENCY_FIELD];
  delete values[IDEMPOTENCY_FIELD];
  const key = field ?? (await requestHeader(IDEMPOTENCY_HEADER));
  return isValidIdempotencyKey(key) ? key : undefined;
}

async function requestHeader(name: string): Promise<string | undefined> {
  try {
    return (await headers()).get(name) ?? undefined;
  } catch {
    return undefined; // Called outside a request (scripts, tests): no header to read.
  }
}

function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

/** Fields (as dotted paths) holding text the database cannot store; checked for every action. */
function unstorableFields(value: unknown, path: string[] = []): string[] {
  if (typeof value === "string") return UNSTORABLE_TEXT.test(value) ? [path.join(".") || "form"] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => unstorableFields(item, [...path, String(index)]));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, inner]) => unstorableFields(inner, [...path, key]));
  return [];
}

/**
 * session → role → parse → handler, failing closed. The data layer checks the
 * role again itself; this wrapper guarantees no action skips the check and lets
 * the authorization matrix test find and classify every action.
 */
function defineAction<S extends z.ZodType, T>(
  access: Access,
  schema: S,
  handler: (input: z.output<S>, user: SessionUser) => Promise<T>,
): ServerAction<T> {
  const action: ServerAction<T> = async (_previous, input) => {
    const values = toObject(input);
    try {
      const idempotencyKey = await takeIdempotencyKey(values);
      const user = await requireAccess(access);
      const unstorable = unstorableFields(values);
      if (unstorable.length > 0) {
        const errors = Object.fromEntries(
          unstorable.map((field) => [field, ["Remove the invisible control character from this text."]]),
        );
        return {
          ok: false,
          code: "INVALID",
          message: "Please correct the fields marked below.",
          errors,
          values: echo(values),
        };
      }
      const parsed = schema.safeParse(values);
      if (!parsed.success) {
        return {
          ok: false,
          code: "INVALID",
          message: "Please correct the fields marked below.",
          errors: fieldErrors(parsed.error),
          values: echo(values),
        };
      }
      const boundKey = idempotencyKey && bindIdempotencyKey(idempotencyKey, parsed.data);
      const outcome = await runIdempotent(user.id, boundKey, () => handler(parsed.data, user));
      return outcome.repeated
        ? { ok: true, data: outcome.data, message: "Already saved: this repeated an earlier submission." }
        : { ok: true, data: outcome.data };
    } catch (error) {
      // Next's redirect(), notFound(), forbidden() and its dynamic-rendering signals are thrown
      // errors that Next itself must handle; they are control flow, not failures.
      unstable_rethrow(error);
      if (error instanceof ExpectedError) {
        const errors =
          error instanceof RuleViolationError && error.field ? { [error.field]: [error.message] } : undefined;
        return { ok: false, code: error.code, message: error.message, errors, values: echo(values) };
      }
      const failure = describeWriteFailure(error);
      if (failure) return { ok: false, ...failure, values: echo(values) };
      log.error({ ...errorFields(error), access }, "unexpected error in server action");
      return {
        ok: false,
        code: "ERROR",
        message: "Something went wrong on our side. Your input is kept; please try again.",
        values: echo(values),
      };
    }
  };
  action[ACTION_ACCESS] = access;
  return action;
}

export const userAction = <S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, user: SessionUser) => Promise<T>,
) => defineAction("user", schema, handler);
export const journalistAction = <S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, user: SessionUser) => Promise<T>,
) => defineAction("journalist", schema, handler);
export const adminAction = <S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, user: SessionUser) => Promise<T>,
) => defineAction("admin", schema, handler);
