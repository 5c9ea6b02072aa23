// Drives Parley over HTTP the way a signed-in browser does: next-auth's
// credentials sign-in, then server actions posted with their Next-Action id
// (read from the build's manifest), with the same Origin check a browser gets.
import { readFileSync } from "node:fs";
import path from "node:path";

type ManifestEntry = { workers: Record<string, unknown>; exportedName?: string; filename?: string };
export type ActionReference = { id: string; page: string };

let actionsByName: Map<string, ActionReference> | undefined;

/** Every server action of the production build, by exported name. */
export function serverActions(): Map<string, ActionReference> {
  if (actionsByName) return actionsByName;
  const file = path.resolve(".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  actionsByName = new Map();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const worker = Object.keys(entry.workers)[0];
    if (!entry.exportedName || !worker) continue;
    actionsByName.set(entry.exportedName, { id, page: workerToPath(worker) });
  }
  return actionsByName;
}

/** "app/(staff)/editor/negotiations/[id]/page" → "/editor/negotiations/_" (any id routes the action). */
function workerToPath(worker: string): string {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => (segment.startsWith("[") ? "_" : segment));
  return `/${segments.join("/")}`;
}

/** React's reply encoding treats strings starting with "$" as references; escape them. */
function encodeReplyValue(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (value === undefined) return "$undefined";
  if (Array.isArray(value)) return value.map(encodeReplyValue);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, encodeReplyValue(inner)]));
  }
  return value;
}

export type ActionOutcome<T = unknown> = {
  status: number;
  /** The ActionResult the action returned, or null when the response carried none. */
  result:
    | (
        | { ok: true; data?: T; message?: string }
        | { ok: false; code: string; message: string; errors?: Record<string, string[]> }
      )
    | null;
  body: string;
};

/** Reads the action's return value out of a React Server Components response. */
export function parseActionResponse(body: string): ActionOutcome["result"] {
  const rows = new Map<string, unknown>();
  for (const line of body.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (!match) continue;
    try {
      rows.set(match[1]!, JSON.parse(match[2]!));
    } catch {
      // Non-JSON rows (text chunks, module references) are not the result.
    }
  }
  const root = rows.get("0") as { a?: unknown } | undefined;
  const pointer = typeof root?.a === "string" && root.a.startsWith("$@") ? root.a.slice(2) : undefined;
  const result = pointer !== undefined ? rows.get(pointer) : root?.a;
  return result && typeof result === "object" && "ok" in result ? (result as ActionOutcome["result"]) : null;
}

export class HttpSession {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const separator = pair!.indexOf("=");
      const name = pair!.slice(0, separator).trim();
      const value = pair!.slice(separator + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", this.cookieHeader);
    const response = await fetch(new URL(pathname, this.baseUrl), { redirect: "manual", ...init, headers });
    this.remember(response);
    return response;
  }

  /** next-auth credentials sign-in; throws unless a session cookie comes back. */
  async signIn(credentials: { email: string; password: string }): Promise<this> {
    const csrf = await this.fetch("/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const form = new URLSearchParams({ ...credentials, csrfToken, callbackUrl: "/editor", json: "true" });
    const response = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form,
    });
    await response.arrayBuffer();
    if (![...this.cookies.keys()].some((name) => name.endsWith("next-auth.session-token"))) {
      throw new Error(`Sign-in as ${credentials.email} failed (HTTP ${response.status})`);
    }
    return this;
  }

  /** Calls a server action by its exported name with one input object, as a form would. */
  async action<T = unknown>(
    name: string,
    input: unknown,
    options: { page?: string; origin?: string } = {},
  ): Promise<ActionOutcome<T>> {
    const reference = serverActions().get(name);
    if (!reference) throw new Error(`No server action named ${name} in the build`);
    const response = await this.fetch(options.page ?? reference.page, {
      method: "POST",
      headers: {
        "next-action": reference.id,
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
        origin: options.origin ?? this.baseUrl,
      },
      body: JSON.stringify([null, encodeReplyValue(input)]),
    });
    const body = await response.text();
    return { status: response.status, result: parseActionResponse(body) as ActionOutcome<T>["result"], body };
  }
}
