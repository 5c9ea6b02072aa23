import pino from "pino";

/**
 * The one logger: JSON lines on stdout, one object per event.
 *
 * Untrusted values (addresses, headers, form input, error messages that quote them) go in fields,
 * never in the message string: JSON escaping keeps a `%0A` from forging a log line, and `untrusted()`
 * caps their length so one request cannot write 15 KB lines.
 */
export const log = pino({
  base: { app: "parley" },
  level: process.env.PARLEY_LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

export const UNTRUSTED_MAX_LENGTH = 500;

/** A value from outside, shortened to a bounded length (JSON escaping does the rest). */
export function untrusted(value: unknown, max = UNTRUSTED_MAX_LENGTH): string {
  const text = typeof value === "string" ? value : String(value);
  return text.length > max ? `${text.slice(0, max)}…[${text.length - max} more]` : text;
}

/** An error as log fields: its class, code and a capped message and stack. */
export function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: untrusted(error) };
  const code = (error as { code?: unknown }).code;
  return {
    error: error.name,
    ...(code === undefined ? {} : { code: untrusted(code, 40) }),
    message: untrusted(error.message),
    stack: untrusted(error.stack ?? "", 4000),
  };
}
