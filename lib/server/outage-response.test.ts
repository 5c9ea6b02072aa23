import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { noteDatabaseOutage } from "@/lib/db/connection";
import { answerOutagesWith503, answerWithinDeadline } from "./outage-response";

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A real HTTP server whose handler is `handle`, wrapped like scripts/app-server.ts wraps Next.js. */
async function serve(handle: (response: http.ServerResponse) => void, deadlineMs = 10_000): Promise<string> {
  server = http.createServer((_request, response) => {
    answerOutagesWith503(response);
    answerWithinDeadline(response, deadlineMs);
    handle(response);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe("answers during a database outage", () => {
  it("turns a render that failed while the database was failing into 503 + Retry-After", async () => {
    const url = await serve((response) => {
      noteDatabaseOutage();
      response.statusCode = 500;
      response.end("outage page");
    });
    const answer = await fetch(url);
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("5");
    expect(await answer.text()).toBe("outage page");
  });

  it("leaves a 500 alone when no database failure was noted during the request", async () => {
    noteDatabaseOutage();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const url = await serve((response) => {
      response.writeHead(500);
      response.end("a bug");
    });
    expect((await fetch(url)).status).toBe(500);
  });

  it("answers 503 when nothing was sent by the deadline, and drops the late answer", async () => {
    let late: boolean | undefined;
    const url = await serve((response) => {
      setTimeout(() => {
        response.writeHead(200);
        late = response.write("too late");
        response.end();
      }, 300);
    }, 100);
    const started = Date.now();
    const answer = await fetch(url);
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("5");
    expect(await answer.text()).toMatch(/temporarily unavailable/);
    expect(Date.now() - started).toBeLessThan(300);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(late).toBe(true);
  });
});
