import { isRedirectError } from "next/dist/client/components/redirect-error";
import { isHTTPAccessFallbackError } from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { notFound, redirect } from "next/navigation";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";

// The session is not what is under test here: every call is an active journalist's.
vi.mock("@/lib/auth/session", () => ({
  requireAccess: async () => ({ id: "u1", email: "j@example.org", name: "J", role: "JOURNALIST" }),
}));

const { journalistAction } = await import("./define-action");

describe("Next's control flow passes through the action wrapper", () => {
  const schema = z.object({ to: z.string() });

  it("lets redirect() reach Next instead of reporting it as an error", async () => {
    const action = journalistAction(schema, async ({ to }) => redirect(to));
    const outcome = action(null, { to: "/editor" }).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    const settled = await outcome;
    expect("error" in settled && isRedirectError(settled.error)).toBe(true);
  });

  it("lets notFound() reach Next", async () => {
    const action = journalistAction(schema, async () => notFound());
    const settled = await action(null, { to: "" }).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    expect("error" in settled && isHTTPAccessFallbackError(settled.error)).toBe(true);
  });

  it("still turns an unexpected error into the generic result", async () => {
    const action = journalistAction(schema, async () => {
      throw new Error("boom");
    });
    await expect(action(null, { to: "" })).resolves.toMatchObject({ ok: false, code: "ERROR" });
  });
});
