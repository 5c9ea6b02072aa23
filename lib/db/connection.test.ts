import { describe, expect, it } from "vitest";
import {
  classifyDatabaseError,
  DatabaseUnavailableError,
  isDatabaseUnavailable,
  isTransientConnectionError,
} from "./connection";

const withCode = (code: string, message = "") => Object.assign(new Error(message), { code });

describe("telling a database outage from a failed query", () => {
  it("recognises an unreachable, restarting or exhausted database, however deeply wrapped", () => {
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error("Invalid invocation"), {
          code: "P2010",
          meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } },
        }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        new Error("query failed", { cause: withCode("57P01", "terminating connection due to administrator command") }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    // After a kill -9 of the postmaster: messages that may arrive without their SQLSTATE.
    for (const message of [
      "Client has encountered a connection error and is not queryable",
      "FATAL: terminating connection due to unexpected postmaster exit",
      "terminating connection because of crash of another server process",
      "the database system is not yet accepting connections",
    ])
      expect(isDatabaseUnavailable(new Error(message)), message).toBe(true);
    expect(
      isDatabaseUnavailable(withCode("P2024", "Timed out fetching a new connection from the connection pool")),
    ).toBe(true);
  });

  it("leaves query and programming errors alone", () => {
    expect(isDatabaseUnavailable(withCode("P2002", "Unique constraint failed"))).toBe(false);
    expect(isDatabaseUnavailable(withCode("42601", "syntax error"))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});

describe("whether waiting for the server can help", () => {
  it("waits for a server that is down or starting up", () => {
    expect(isTransientConnectionError(withCode("ECONNREFUSED"))).toBe(true);
    expect(isTransientConnectionError(new AggregateError([withCode("ECONNREFUSED")]))).toBe(true);
    expect(isTransientConnectionError(withCode("57P03", "the database system is starting up"))).toBe(true);
  });

  it("does not wait for a wrong password, a missing database or a bad host", () => {
    expect(isTransientConnectionError(withCode("28P01"))).toBe(false);
    expect(isTransientConnectionError(withCode("3D000"))).toBe(false);
    expect(isTransientConnectionError(withCode("ENOTFOUND"))).toBe(false);
  });
});

describe("what kind of database failure a write met", () => {
  it("tells a full disk, a timeout, an outage and a conflict apart", () => {
    expect(classifyDatabaseError(withCode("53100", "could not extend file: No space left on device"))).toBe("full");
    expect(classifyDatabaseError(new Error("x", { cause: withCode("ENOSPC") }))).toBe("full");
    expect(classifyDatabaseError(new Error("Query read timeout"))).toBe("timeout");
    expect(classifyDatabaseError(withCode("57014", "canceling statement due to statement timeout"))).toBe("timeout");
    expect(classifyDatabaseError(new Error("timeout exceeded when trying to connect"))).toBe("timeout");
    expect(classifyDatabaseError(withCode("P2028", "Transaction already closed"))).toBe("timeout");
    expect(classifyDatabaseError(withCode("ECONNREFUSED"))).toBe("unavailable");
    expect(classifyDatabaseError(withCode("57P01", "terminating connection due to administrator command"))).toBe(
      "unavailable",
    );
    expect(classifyDatabaseError(withCode("40001", "could not serialize access"))).toBe("conflict");
    expect(classifyDatabaseError(withCode("P2002", "Unique constraint failed"))).toBeNull();
    expect(classifyDatabaseError(new TypeError("x is undefined"))).toBeNull();
  });
});

describe("an outage error that carries no driver error", () => {
  it("keeps its kind, so route handlers still answer it with a 503", () => {
    const stalled = new DatabaseUnavailableError("The database is unavailable (timeout).", { failure: "timeout" });
    expect(classifyDatabaseError(stalled)).toBe("timeout");
    expect(isDatabaseUnavailable(stalled)).toBe(true);
    expect(isDatabaseUnavailable(new DatabaseUnavailableError("down"))).toBe(true);
  });
});
