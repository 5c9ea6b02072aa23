import "server-only";
import { classifyDatabaseError, noteDatabaseOutage, type DatabaseFailure } from "@/lib/db/connection";
import { log } from "@/lib/log";

/**
 * What the editor is told when a write fails because of the database, not the
 * input: which of four things happened, and whether anything was saved. A
 * write is one transaction, so when it fails nothing of it is stored; a repeat
 * with the same idempotency key never stores it twice (lib/data/idempotency.ts).
 */
const MESSAGES: Record<DatabaseFailure, { code: WriteFailureCode; message: string }> = {
  unavailable: {
    code: "UNAVAILABLE",
    message:
      "Parley cannot reach its database right now; nothing was saved. Your input is kept: try again in a moment.",
  },
  timeout: {
    code: "TIMEOUT",
    message:
      "The database is not answering; nothing was saved. Your input is kept: try again in a moment (a repeat is never stored twice).",
  },
  full: {
    code: "FULL",
    message:
      "The database is full and refused the change; nothing was saved. Your input is kept; tell your administrator.",
  },
  conflict: {
    code: "CONFLICT",
    message: "Someone else saved at the same moment; nothing of yours was saved. Your input is kept: save again.",
  },
};

export type WriteFailureCode = "UNAVAILABLE" | "TIMEOUT" | "FULL" | "CONFLICT";

/**
 * The user-facing answer to a database failure, with one structured log line
 * (no stack: an outage is expected and would otherwise flood the log); null
 * when the error is not a database failure.
 */
export function describeWriteFailure(error: unknown): { code: WriteFailureCode; message: string } | null {
  const failure = classifyDatabaseError(error);
  if (!failure) return null;
  if (failure !== "conflict") noteDatabaseOutage();
  log.warn(
    { event: "write_failed", failure, code: MESSAGES[failure].code, saved: false },
    `write refused: database ${failure}`,
  );
  return MESSAGES[failure];
}
