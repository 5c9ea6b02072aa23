// Where the database is, and one clear sentence when it cannot be reached.
// Used by the app's start-up scripts, the db:* commands and the tests.

export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions & { failure?: DatabaseFailure }) {
    super(message, options);
    this.name = "DatabaseUnavailableError";
    this.failure = options?.failure ?? "unavailable";
  }

  /** What kind of failure it stands for (it may carry no driver error: reader outages drop theirs). */
  readonly failure: DatabaseFailure;
}

/** The digest of a page error caused by a database outage (kept by Next.js, read by app/error.tsx). */
export const DATABASE_UNAVAILABLE_DIGEST = "PARLEY_DATABASE_UNAVAILABLE";

/** "host:port/database" of a postgres URL, never its password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || "localhost";
    const port = parsed.port || "5432";
    const database = parsed.pathname.replace(/^\//, "") || "(default database)";
    return `${host}:${port}/${database}`;
  } catch {
    return "(an unparsable DATABASE_URL)";
  }
}

export function assertPostgresUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseUnavailableError(
      "DATABASE_URL is not a valid URL. Expected postgresql://user:password@host:5432/database, or unset it to use the embedded database.",
    );
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new DatabaseUnavailableError(
      `DATABASE_URL must start with postgresql:// (got ${parsed.protocol}//). Unset it to use the embedded database.`,
    );
  }
}

type PgLikeError = { code?: string; message?: string; cause?: unknown; errors?: unknown[] };

/** Turns a driver error into one line that names the server and what to do. */
export function explainConnectionError(error: unknown, url: string): DatabaseUnavailableError {
  const where = describeDatabaseUrl(url);
  const code = findErrorCode(error);
  switch (code) {
    case "ECONNREFUSED":
      return new DatabaseUnavailableError(
        `Cannot reach PostgreSQL at ${where}: connection refused. Start the server, fix DATABASE_URL, or unset DATABASE_URL to use the embedded database.`,
      );
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new DatabaseUnavailableError(
        `Cannot reach PostgreSQL at ${where}: the host name does not resolve. Check the host in DATABASE_URL.`,
      );
    case "ETIMEDOUT":
      return new DatabaseUnavailableError(
        `Cannot reach PostgreSQL at ${where}: the connection timed out. Check the host, port and firewall.`,
      );
    case "28P01":
    case "28000":
      return new DatabaseUnavailableError(`PostgreSQL at ${where} refused the user name or password in DATABASE_URL.`);
    case "3D000":
      return new DatabaseUnavailableError(
        `PostgreSQL at ${where} has no such database. Create it (createdb) or fix the database name in DATABASE_URL.`,
      );
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return new DatabaseUnavailableError(`Cannot use PostgreSQL at ${where}: ${detail}`);
    }
  }
}

type ChainedError = PgLikeError & {
  kind?: unknown;
  originalCode?: unknown;
  meta?: unknown;
  driverAdapterError?: unknown;
};

/** An error and everything it wraps (causes, aggregated errors, Prisma's adapter errors), each once. */
function* errorChain(error: unknown): Generator<ChainedError> {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const candidate = current as ChainedError;
    yield candidate;
    queue.push(candidate.cause, candidate.meta, candidate.driverAdapterError);
    if (Array.isArray(candidate.errors)) queue.push(...candidate.errors);
  }
}

/** The first error code (socket or SQLSTATE) in an error and its causes. */
export function findErrorCode(error: unknown): string | undefined {
  for (const candidate of errorChain(error)) if (typeof candidate.code === "string") return candidate.code;
  return undefined;
}

/** Socket errors, and PostgreSQL shutting down or starting up: the server may come (back) by itself. */
const TRANSIENT_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "57P01",
  "57P02",
  "57P03",
]);

/** True when waiting may help: the server is down or restarting, not misconfigured. */
export function isTransientConnectionError(error: unknown): boolean {
  const code = findErrorCode(error);
  return code !== undefined && (TRANSIENT_CODES.has(code) || code.startsWith("08"));
}

// Prisma's codes for "cannot reach / lost the server", the driver adapter's
// error kinds, and the messages of a dropped socket, of a pooled client reused after
// one ("not queryable"), and of backends ending after their postmaster was killed
// (these can arrive without their SQLSTATE once wrapped).
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1017"]);
const ADAPTER_UNAVAILABLE = new Set(["DatabaseNotReachable", "ConnectionClosed", "TooManyConnections"]);
const UNAVAILABLE_MESSAGE =
  /connection terminated(?! due to connection timeout)|can't reach database server|server has closed the connection|terminating connection due to (administrator command|unexpected postmaster exit)|crash of another server process|is not queryable|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/i;

// Waits that ran out: pool (P2024), Prisma's operation and transaction bounds
// (P1008, P2028), PostgreSQL's statement/lock/idle-in-transaction timeouts, pg's
// connect and read timeouts (lib/db/client.ts sets them).
const PRISMA_TIMEOUT = new Set(["P1008", "P2024", "P2028"]);
const SQLSTATE_TIMEOUT = new Set(["57014", "55P03", "25P03"]);
const ADAPTER_TIMEOUT = new Set(["SocketTimeout"]);
const TIMEOUT_MESSAGE =
  /query read timeout|timeout exceeded when trying to connect|connection timeout|timed out fetching a new connection|transaction already closed|unable to start a transaction in the given time|expired transaction/i;

// The disk (53100) or memory (53200) is exhausted; ENOSPC when a file could not grow.
const SQLSTATE_FULL = new Set(["53100", "53200", "ENOSPC"]);
const FULL_MESSAGE = /no space left on device|could not extend file|disk full/i;

// Serialization failures and deadlocks: another transaction won; the loser changed nothing.
const SQLSTATE_CONFLICT = new Set(["40001", "40P01", "P2034"]);

export type DatabaseFailure = "full" | "timeout" | "unavailable" | "conflict";

/**
 * Why a query failed when the cause is the database rather than the query:
 * full (disk or memory), timed out (stalled or overloaded), unavailable (down,
 * restarting), or a concurrent-transaction conflict. null for anything else
 * (bugs, constraint violations), which callers treat as unexpected.
 */
export function classifyDatabaseError(error: unknown): DatabaseFailure | null {
  const chain = [...errorChain(error)];
  const known = chain.find((c): c is DatabaseUnavailableError => c instanceof DatabaseUnavailableError);
  if (known) return known.failure;
  const codes = chain.flatMap((c) =>
    [c.code, c.originalCode].filter((code): code is string => typeof code === "string"),
  );
  const kinds = chain.map((c) => c.kind).filter((kind): kind is string => typeof kind === "string");
  const messages = chain.map((c) => c.message).filter((message): message is string => typeof message === "string");
  if (codes.some((code) => SQLSTATE_FULL.has(code)) || messages.some((m) => FULL_MESSAGE.test(m))) return "full";
  if (
    codes.some((code) => PRISMA_TIMEOUT.has(code) || SQLSTATE_TIMEOUT.has(code)) ||
    kinds.some((kind) => ADAPTER_TIMEOUT.has(kind)) ||
    messages.some((m) => TIMEOUT_MESSAGE.test(m))
  )
    return "timeout";
  if (
    codes.some((code) => PRISMA_UNAVAILABLE.has(code) || TRANSIENT_CODES.has(code) || code.startsWith("08")) ||
    kinds.some((kind) => ADAPTER_UNAVAILABLE.has(kind)) ||
    messages.some((m) => UNAVAILABLE_MESSAGE.test(m))
  )
    return "unavailable";
  if (codes.some((code) => SQLSTATE_CONFLICT.has(code))) return "conflict";
  return null;
}

/**
 * Whether a query failed because the database cannot serve it right now (down,
 * restarting, stalled, connections exhausted, full) rather than because of the
 * query: such requests get a 503 and a retry hint instead of a generic 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const failure = classifyDatabaseError(error);
  return failure !== null && failure !== "conflict";
}

const OUTAGE_MARK = Symbol.for("parley.database-outage-noted-at");

/**
 * Remembers (process-wide, across Next's bundles) that a request just failed
 * because of the database, so the production server can answer that request's
 * failed render with 503 + Retry-After instead of 500 (scripts/app-server.ts).
 */
export function noteDatabaseOutage(): void {
  (globalThis as Record<symbol, unknown>)[OUTAGE_MARK] = Date.now();
}

/** When a database failure was last noted in this process (0: never). */
export function databaseOutageNotedAt(): number {
  return ((globalThis as Record<symbol, unknown>)[OUTAGE_MARK] as number | undefined) ?? 0;
}
