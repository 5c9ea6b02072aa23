// Where the database is, and one clear sentence when it cannot be reached.
// Used by the app's start-up scripts, the db:* commands and the tests.

export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseUnavailableError";
  }
}

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
      return new DatabaseUnavailableError(
        `PostgreSQL at ${where} refused the user name or password in DATABASE_URL.`,
      );
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

function findErrorCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const candidate = current as PgLikeError;
    if (typeof candidate.code === "string") return candidate.code;
    if (candidate.cause) queue.push(candidate.cause);
    if (Array.isArray(candidate.errors)) queue.push(...candidate.errors);
  }
  return undefined;
}
