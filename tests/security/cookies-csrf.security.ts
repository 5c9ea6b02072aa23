// Session cookies and cross-site request forgery: the cookie flags on a real
// sign-in, the Secure/__Secure- variant under https, and server actions posted
// from another origin or with an oversized body.
import { afterAll, describe, expect, inject, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { freePort, launchAppServer } from "../harness/stack";
import { HttpSession, serverActions } from "../harness/staff-client";
import { record } from "./tally";

const baseUrl = inject("baseUrl");
const staff = inject("staff");
process.env.DATABASE_URL = inject("databaseUrl");

afterAll(async () => {
  await disconnectDb();
});

async function signInResponse(url = baseUrl): Promise<Response> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  return fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ ...staff.journalist, csrfToken, callbackUrl: "/editor", json: "true" }),
  });
}

describe("session cookies", () => {
  it("are HttpOnly and SameSite=Lax on a real sign-in", async () => {
    const response = await signInResponse();
    const session = response.headers.getSetCookie().find((line) => line.startsWith("next-auth.session-token="));
    expect(session, response.headers.getSetCookie().join("\n")).toBeDefined();
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(session).toMatch(/;\s*Path=\//i);
    // Plain http here (NEXTAUTH_URL is http://127.0.0.1): Secure would make browsers drop it.
    expect(session).not.toMatch(/;\s*Secure/i);
  });

  it("are Secure and __Secure- prefixed when NEXTAUTH_URL is https", async () => {
    // A second server on the same database, configured as if behind https.
    const port = await freePort();
    const app = await launchAppServer({
      port,
      databaseUrl: inject("databaseUrl"),
      env: { NEXTAUTH_URL: `https://127.0.0.1:${port}` },
    });
    try {
      const response = await signInResponse(`http://127.0.0.1:${port}`);
      const session = response.headers
        .getSetCookie()
        .find((line) => line.startsWith("__Secure-next-auth.session-token="));
      expect(session, `${response.headers.getSetCookie().join("\n")}\n${app.output.join("")}`).toBeDefined();
      expect(session).toMatch(/;\s*Secure/i);
      expect(session).toMatch(/;\s*HttpOnly/i);
      expect(session).toMatch(/;\s*SameSite=Lax/i);
      expect(response.headers.getSetCookie().some((line) => line.startsWith("next-auth.session-token="))).toBe(false);
    } finally {
      await app.stop();
    }
  });
});

describe("server actions and CSRF", () => {
  const createSource = (name: string) => ({ name, kind: "OUTLET", reliability: "C" });

  it("refuses a server action posted from another origin with 403, and nothing is stored", async () => {
    const admin = await new HttpSession(baseUrl).signIn(staff.admin);
    const origins = [
      "https://evil.example",
      "null",
      "http://127.0.0.1.evil.example",
      baseUrl.replace("127.0.0.1", "localhost"),
      "not a url",
    ];
    for (const [index, origin] of origins.entries()) {
      const name = `Forged source ${index} ${Date.now()}`;
      const outcome = await admin.action("createSourceAction", createSource(name), { origin });
      expect(outcome.status, `Origin: ${origin}`).toBe(403);
      expect(outcome.body).toMatch(/cross-origin/i);
      expect(await db().source.count({ where: { name } })).toBe(0);
    }
    record({ payloads: origins.length });
    // The same request from the site itself goes through.
    const name = `Genuine source ${Date.now()}`;
    const genuine = await admin.action("createSourceAction", createSource(name));
    expect(genuine.status).toBe(200);
    expect(genuine.result).toMatchObject({ ok: true });
    expect(await db().source.count({ where: { name } })).toBe(1);
  });

  it("refuses cross-origin posts to every action, including when signed out", async () => {
    const admin = await new HttpSession(baseUrl).signIn(staff.admin);
    const anonymous = new HttpSession(baseUrl);
    const statuses: string[] = [];
    for (const name of serverActions().keys()) {
      for (const session of [admin, anonymous]) {
        const outcome = await session.action(name, {}, { origin: "https://evil.example" });
        if (outcome.status !== 403) statuses.push(`${name}: HTTP ${outcome.status}`);
      }
    }
    record({ payloads: serverActions().size * 2, serverErrors: statuses.filter((s) => / 5\d\d$/.test(s)).length });
    expect(statuses).toEqual([]);
  });

  it("answers an oversized action body with 413, whether its length is declared or streamed", async () => {
    const admin = await new HttpSession(baseUrl).signIn(staff.admin);
    const reference = serverActions().get("createSourceAction")!;
    const body = JSON.stringify([null, { ...createSource("Oversized"), publicDescription: "x".repeat(1_200_000) }]);
    const headers = {
      "next-action": reference.id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: baseUrl,
    };
    const declared = await admin.fetch(reference.page, { method: "POST", headers, body });
    await declared.arrayBuffer();
    expect(declared.status).toBe(413);

    const bytes = new TextEncoder().encode(body);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 64 * 1024)
          controller.enqueue(bytes.subarray(offset, offset + 64 * 1024));
        controller.close();
      },
    });
    const streamed = await admin.fetch(reference.page, {
      method: "POST",
      headers,
      body: stream,
      duplex: "half",
    } as RequestInit);
    await streamed.arrayBuffer();
    expect(streamed.status).toBe(413);
    record({ payloads: 2, serverErrors: [declared, streamed].filter((r) => r.status >= 500).length });
    expect(await db().source.count({ where: { name: "Oversized" } })).toBe(0);
  });
});
