// The production server's own behaviour, on a second instance of it (same build and
// database as the suite's stack) whose output this file reads:
// - the client address is the socket's, whatever X-Forwarded-For a client sends
//   (PARLEY_TRUSTED_PROXY_HOPS=0), so rotating it does not get past the per-address
//   sign-in limit;
// - request input reaching the logs stays inside one bounded JSON line.
// Requests come from 127.0.0.2, an address no other test uses, so the lock this file
// provokes on purpose touches nothing else.
import http from "node:http";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signInPolicy } from "@/lib/auth/throttle";
import { freePort, launchAppServer, type AppProcess } from "../harness/stack";
import { record } from "./tally";

const staff = inject("staff");
const CLIENT = "127.0.0.2";

let app: AppProcess;
let port: number;

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function send(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, method, path, headers, localAddress: CLIENT },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** next-auth's credentials sign-in from CLIENT, claiming to come from `forwardedFor`. */
async function signIn(
  email: string,
  password: string,
  forwardedFor: string,
): Promise<"signed in" | "locked" | "refused"> {
  const csrf = await send("GET", "/api/auth/csrf", { "x-forwarded-for": forwardedFor });
  const cookie = (csrf.headers["set-cookie"] ?? []).map((line) => line.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ email, password, csrfToken, callbackUrl: "/editor", json: "true" }).toString();
  const answer = await send(
    "POST",
    "/api/auth/callback/credentials",
    { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": forwardedFor },
    form,
  );
  if ((answer.headers["set-cookie"] ?? []).some((line) => /next-auth\.session-token=[^;]/.test(line)))
    return "signed in";
  return /error=locked/.test(answer.body + (answer.headers.location ?? "")) ? "locked" : "refused";
}

/** Resolves once the server has written `text`, or fails after `timeoutMs`. */
async function outputContaining(text: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const output = app.output.join("");
    if (output.includes(text)) return output;
    if (Date.now() > deadline) throw new Error(`The server never logged ${text}:\n${output.slice(-2000)}`);
    // Wake on the server's next output (either stream), or at the deadline.
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        app.child.stdout!.off("data", wake);
        app.child.stderr!.off("data", wake);
        resolve();
      };
      const timer = setTimeout(wake, Math.max(0, deadline - Date.now()) + 1);
      app.child.stdout!.on("data", wake);
      app.child.stderr!.on("data", wake);
    });
  }
}

beforeAll(async () => {
  port = await freePort();
  app = await launchAppServer({
    port,
    databaseUrl: inject("databaseUrl"),
    env: { NEXTAUTH_URL: `http://127.0.0.1:${port}`, PARLEY_TRUSTED_PROXY_HOPS: "0", PARLEY_LOG_LEVEL: "info" },
  });
});

afterAll(async () => {
  await app?.stop();
});

describe("the production server", () => {
  it("takes the client address from the socket: rotating X-Forwarded-For does not get past the per-address limit", async () => {
    const suffix = randomBytes(4).toString("hex");
    const outcomes: string[] = [];
    // One failed attempt per made-up account (the per-account limit never trips), each claiming a new address.
    for (let attempt = 0; attempt < signInPolicy.addressLimit; attempt++) {
      outcomes.push(
        await signIn(`rotating-${attempt}-${suffix}@stack.test`, "wrong-password", `198.51.100.${attempt}`),
      );
    }
    expect(outcomes.every((outcome) => outcome !== "signed in")).toBe(true);
    // The right password, from yet another claimed address: the socket address is locked.
    const last = await signIn(staff.journalist.email, staff.journalist.password, "203.0.113.77");
    record({ payloads: signInPolicy.addressLimit + 1 });
    expect(last).toBe("locked");
  });

  it("logs request input as one bounded JSON line: a callbackUrl with a newline or 15 KB", async () => {
    const forged = "\nparley: forged log line";
    const long = `\nparley: long ${"A".repeat(15_000)}`;
    for (const value of [forged, long]) {
      await send("GET", `/api/auth/session?callbackUrl=${encodeURIComponent(value)}`);
    }
    const output = await outputContaining("parley: long");
    const lines = output.split("\n").filter((line) => line.includes("parley: forged") || line.includes("parley: long"));
    record({ payloads: 2 });
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      expect(line.startsWith("parley:"), line.slice(0, 80)).toBe(false);
      expect(() => JSON.parse(line), line.slice(0, 80)).not.toThrow();
      expect(line.length).toBeLessThan(8_192);
    }
  });
});
