// Where the database is, and one clear sentence when it cannot be reached.
// Used by the app's start-up scripts, the db:* commands and the tests.

export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "DatabaseUnavailableError";
  }
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

// Prisma's codes for "cannot reach / lost the server / no free connection",
// the driver adapter's error kinds, and pg's message for a dropped socket.
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const ADAPTER_UNAVAILABLE = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
const UNAVAILABLE_MESSAGE =
  /connection terminated|can't reach database server|server has closed the connection|connection timeout|terminating connection due to administrator command|the database system is (starting up|shutting down)/i;

/**
 * Whether a query failed because the database is unreachable (down, restarting,
 * connections exhausted) rather than because of the query: such requests get a
 * 503 and a retry hint instead of a generic 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const candidate of errorChain(error)) {
    if (
      typeof candidate.code === "string" &&
      (PRISMA_UNAVAILABLE.has(candidate.code) || TRANSIENT_CODES.has(candidate.code) || candidate.code.startsWith("08"))
    )
      return true;
    if (typeof candidate.originalCode === "string" && TRANSIENT_CODES.has(candidate.originalCode)) return true;
    if (typeof candidate.kind === "string" && ADAPTER_UNAVAILABLE.has(candidate.kind)) return true;
    if (typeof candidate.message === "string" && UNAVAILABLE_MESSAGE.test(candidate.message)) return true;
  }
  return false;
}
