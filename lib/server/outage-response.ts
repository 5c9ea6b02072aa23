// What the production server (scripts/app-server.ts) adds around Next.js so a
// database outage or stall gets a prompt, honest answer:
// - a render that failed while the database was failing answers 503 with
//   Retry-After (Next.js gives any failed render a 500, and an error page cannot
//   set its status), so browsers, crawlers and CDNs know to come back;
// - a request that has not started its answer after REQUEST_DEADLINE_MS gets a
//   503 too, whatever it waits for (the database bounds in lib/db/client.ts
//   normally answer well before).
// No Next.js or server-only imports: the server loads this outside the bundle.
import type http from "node:http";
import { databaseOutageNotedAt } from "@/lib/db/connection";

export const RETRY_AFTER_SECONDS = 5;
/** Above the database bounds (a read fails within ~11 s in a stall), below a reader's patience. */
export const REQUEST_DEADLINE_MS = 15_000;

const OUTAGE_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="robots" content="noindex"><title>Parley is temporarily unavailable</title><body style="font-family:serif;text-align:center;padding:4rem 1rem"><h1>Parley is temporarily unavailable</h1><p>We cannot reach our database right now. Please try again in a moment.</p></body></html>`;

/**
 * Turns the 500 of a render that failed during a database outage (one noted
 * since this request began, see noteDatabaseOutage) into 503 + Retry-After.
 * Works at writeHead, which every response passes through, before anything is sent.
 */
export function answerOutagesWith503(response: http.ServerResponse): void {
  const startedAt = Date.now();
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => http.ServerResponse;
  response.writeHead = ((status: number, ...rest: unknown[]) => {
    if (status === 500 && databaseOutageNotedAt() >= startedAt) {
      response.setHeader("retry-after", String(RETRY_AFTER_SECONDS));
      response.setHeader("cache-control", "no-store");
      return writeHead(503, ...rest);
    }
    return writeHead(status, ...rest);
  }) as typeof response.writeHead;
}

/**
 * Answers 503 + Retry-After when nothing has been sent after `ms`, and drops
 * whatever the late handler writes afterwards (it is still running: the
 * database bounds end it soon after). Streams that have begun are not cut.
 */
export function answerWithinDeadline(response: http.ServerResponse, ms = REQUEST_DEADLINE_MS): void {
  const timer = setTimeout(() => {
    if (response.headersSent || response.writableEnded) return;
    response.writeHead(503, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "retry-after": String(RETRY_AFTER_SECONDS),
    });
    response.end(OUTAGE_PAGE);
    const ignore = () => response;
    // Callbacks still run, so the late handler finishes instead of waiting forever.
    const swallow = (...args: unknown[]) => {
      const callback = args.findLast((arg) => typeof arg === "function") as (() => void) | undefined;
      if (callback) queueMicrotask(callback);
      return true;
    };
    for (const method of ["writeHead", "setHeader", "appendHeader", "removeHeader", "flushHeaders"])
      Object.assign(response, { [method]: ignore });
    Object.assign(response, { write: swallow, end: swallow });
  }, ms);
  timer.unref();
  response.once("close", () => clearTimeout(timer));
}
