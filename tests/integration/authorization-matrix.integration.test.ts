// Every server action and mutating route handler, found by scanning the code,
// is classified and called as anonymous, journalist, admin and deactivated
// users. An action nobody classified fails the suite, so none ships unguarded.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { accessOf, type ActionResult } from "@/lib/actions/define-action";
import type { Access } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { asUser, type TestUser } from "../support/request-context";
import { createStaff } from "../support/staff";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Mutating route handlers that are deliberately public, with the reason. */
const PUBLIC_ROUTES: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts":
    "next-auth's own sign-in and sign-out endpoints (CSRF-protected, rate-limited in authenticate())",
  "app/api/follow/subscribe/route.ts":
    "readers' alert sign-up, no account (rate-limited, double opt-in: it only ever mails a confirmation link)",
  "app/api/follow/confirm/route.ts": "a reader confirms alerts; the single-use token from the mail is the authority",
  "app/api/follow/unsubscribe/route.ts":
    "RFC 8058 one-click unsubscribe; the signed token in the mail is the authority",
};

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, dir), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await sourceFiles(relative)));
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) files.push(relative);
  }
  return files;
}

async function findServerActionModules(): Promise<string[]> {
  const files = [...(await sourceFiles("app")), ...(await sourceFiles("lib")), ...(await sourceFiles("components"))];
  const modules: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(ROOT, file), "utf8");
    if (/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(text)) modules.push(file);
  }
  return modules;
}

type Found = { id: string; access: Access | undefined; action: unknown };

let actions: Found[] = [];
let people: Record<"journalist" | "admin" | "deactivated", TestUser>;

beforeAll(async () => {
  for (const file of await findServerActionModules()) {
    const exported = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, action] of Object.entries(exported))
      actions.push({ id: `${file}#${name}`, access: accessOf(action), action });
  }
  actions = actions.sort((a, b) => a.id.localeCompare(b.id));
  // A second admin keeps "last admin" protection out of the way.
  await createStaff("ADMIN");
  people = {
    journalist: await createStaff("JOURNALIST"),
    admin: await createStaff("ADMIN"),
    deactivated: await createStaff("JOURNALIST", { active: false }),
  };
});

function call(action: unknown, user: TestUser | null): Promise<ActionResult<unknown>> {
  return asUser(user, () =>
    (action as (p: unknown, i: Record<string, unknown>) => Promise<ActionResult<unknown>>)(null, {}),
  );
}

describe("authorization matrix", () => {
  it("finds the server actions", () => {
    expect(actions.map((a) => a.id)).toEqual(
      expect.arrayContaining([
        "lib/actions/account.ts#changePasswordAction",
        "lib/actions/users.ts#setUserActiveAction",
      ]),
    );
  });

  it("classifies every server action by the role it needs", () => {
    const unclassified = actions.filter((a) => a.access === undefined).map((a) => a.id);
    expect(unclassified, "wrap these with userAction/journalistAction/adminAction").toEqual([]);
  });

  it("classifies every mutating route handler", async () => {
    const routes = (await sourceFiles("app")).filter((file) => /(^|\/)route\.tsx?$/.test(file));
    const unclassified: string[] = [];
    for (const file of routes) {
      const text = await readFile(path.join(ROOT, file), "utf8");
      const mutating =
        /export\s+(async\s+function|const|function)\s+(POST|PUT|PATCH|DELETE)\b|as\s+(POST|PUT|PATCH|DELETE)\b/.test(
          text,
        );
      if (mutating && !PUBLIC_ROUTES[file]) unclassified.push(file);
    }
    expect(unclassified, "classify these route handlers in PUBLIC_ROUTES or guard them and list them here").toEqual([]);
  });

  it("refuses anonymous callers and deactivated accounts everywhere, without writing anything", async () => {
    const auditBefore = await db().auditEntry.count();
    for (const { id, action } of actions) {
      expect((await call(action, null)) as unknown, `${id} as anonymous`).toMatchObject({
        ok: false,
        code: "UNAUTHENTICATED",
      });
      expect((await call(action, people.deactivated)) as unknown, `${id} as deactivated`).toMatchObject({
        ok: false,
        code: "UNAUTHENTICATED",
      });
    }
    expect(await db().auditEntry.count()).toBe(auditBefore);
  });

  it("lets journalists reach journalist actions and refuses them admin actions", async () => {
    for (const { id, access, action } of actions) {
      const result = await call(action, people.journalist);
      if (access === "admin") expect(result, `${id} as journalist`).toMatchObject({ ok: false, code: "FORBIDDEN" });
      // Empty input: the action got past authorization and stopped at validation.
      else expect(result, `${id} as journalist`).toMatchObject({ ok: false, code: "INVALID" });
    }
  });

  it("lets admins reach every action", async () => {
    for (const { id, action } of actions) {
      expect(await call(action, people.admin), `${id} as admin`).toMatchObject({ ok: false, code: "INVALID" });
    }
  });

  it("guards every staff route handler with staffRoute and refuses the wrong callers before parsing", async () => {
    const routes = (await sourceFiles("app/api")).filter((file) =>
      /^app\/api\/(editor|admin)\/.*route\.tsx?$/.test(file),
    );
    expect(routes.length).toBeGreaterThanOrEqual(3);
    for (const file of routes) {
      const text = await readFile(path.join(ROOT, file), "utf8");
      const access = /staffRoute\(\s*"(journalist|admin)"/.exec(text)?.[1];
      expect(access, `${file} must export handlers built with staffRoute`).toBeDefined();
      const { GET } = (await import(path.join(ROOT, file))) as {
        GET: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
      };
      // Parameters that would fail validation: refusals must come first and reveal nothing about them.
      const request = () => new Request("http://localhost/api/x?format=nope&from=not-a-date");
      const context = () => ({ params: Promise.resolve({ id: "not-a-uuid" }) });
      const statusAs = async (user: TestUser | null) => (await asUser(user, () => GET(request(), context()))).status;
      expect(await statusAs(null), `${file} as anonymous`).toBe(401);
      expect(await statusAs(people.deactivated), `${file} as deactivated`).toBe(401);
      const asJournalist = await statusAs(people.journalist);
      if (access === "admin") expect(asJournalist, `${file} as journalist`).toBe(403);
      else expect([200, 400], `${file} as journalist`).toContain(asJournalist);
      expect([200, 400], `${file} as admin`).toContain(await statusAs(people.admin));
    }
  });
});
