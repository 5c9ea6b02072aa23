import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { changePasswordAction } from "@/lib/actions/account";
import { setUserActiveAction, setUserRoleAction, createStaffUserAction } from "@/lib/actions/users";
import { authOptions, clientAddress } from "@/lib/auth/options";
import { verifyPassword } from "@/lib/auth/password";
import { getCurrentUser } from "@/lib/auth/session";
import { authenticate } from "@/lib/auth/sign-in";
import { accountKey, addressKey, countAttempt, signInPolicy, slowdownFor } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import { asUser } from "../support/request-context";
import { TEST_PASSWORD, createStaff } from "../support/staff";

// A fresh documentation address (RFC 3849) per call: a random one could repeat one that an
// earlier test locked ("refuses an address that has failed too often"), failing by chance.
// Each gets its own /64, since the per-address limit counts an IPv6 client by its /64.
let addressCount = 0;
const address = () => `2001:db8:${(++addressCount).toString(16)}::1`;

type Authorize = (
  credentials: Record<string, string>,
  request: { headers: Record<string, string> },
) => Promise<unknown>;
const authorize = (authOptions().providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

describe("sign-in", () => {
  it("accepts the right password and gives the same answer for a wrong password and an unknown e-mail", async () => {
    const user = await createStaff("JOURNALIST");
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD, address: address() })).toMatchObject({
      ok: true,
      user: { id: user.id, role: "JOURNALIST" },
    });
    expect(await authenticate({ email: user.email, password: "wrong password", address: address() })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await authenticate({ email: "nobody@newsroom.test", password: TEST_PASSWORD, address: address() })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("refuses a deactivated account even with the right password", async () => {
    const user = await createStaff("ADMIN", { active: false });
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD, address: address() })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("answers bad input with a non-revealing error code, never a crash", async () => {
    const request = { headers: { "x-forwarded-for": address() } };
    const cases: Array<Record<string, string>> = [
      { email: "", password: "" },
      { email: "journalist@parley.test", password: "" },
      { email: "' OR 1=1 --", password: "x" },
      { email: "<script>alert(1)</script>@x.org", password: "x" },
      { email: "someone@newsroom.test", password: "p".repeat(10 * 1024 * 1024) },
    ];
    for (const credentials of cases) await expect(authorize(credentials, request)).rejects.toThrow(/^invalid-input$/);
    await expect(authorize({ email: "someone@newsroom.test", password: "wrong" }, request)).resolves.toBeNull();
  });

  it("slows repeated failures, then refuses the account for a while; a success resets the count", async () => {
    const user = await createStaff("JOURNALIST");
    const attempt = (password: string) => authenticate({ email: user.email, password, address: address() });
    for (let i = 1; i < signInPolicy.accountLimit; i++)
      expect(await attempt("wrong")).toEqual({ ok: false, reason: "invalid" });
    expect((await attempt(TEST_PASSWORD)).ok).toBe(true);
    for (let i = 1; i <= signInPolicy.accountLimit; i++)
      expect(await attempt("wrong")).toEqual({ ok: false, reason: "invalid" });
    // Past the limit every attempt is refused, even with the right password.
    const locked = await attempt(TEST_PASSWORD);
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    expect((locked as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(signInPolicy.lockSeconds - 60);
    expect(slowdownFor(1)).toBe(0);
    expect(slowdownFor(signInPolicy.slowAfter + 1)).toBeGreaterThan(0);
    expect(slowdownFor(100)).toBe(signInPolicy.maxDelayMs);
  });

  it("checks at most the allowed number of passwords when attempts arrive all at once", async () => {
    const user = await createStaff("JOURNALIST");
    const burst = await Promise.all(
      Array.from({ length: 15 }, () => authenticate({ email: user.email, password: "guess", address: address() })),
    );
    expect(burst.filter((outcome) => !outcome.ok && outcome.reason === "invalid")).toHaveLength(
      signInPolicy.accountLimit,
    );
    expect(burst.filter((outcome) => !outcome.ok && outcome.reason === "locked")).toHaveLength(
      15 - signInPolicy.accountLimit,
    );
  });

  it("refuses an address that has failed too often, whatever the account", async () => {
    const from = address();
    const user = await createStaff("JOURNALIST");
    await Promise.all(
      Array.from({ length: signInPolicy.addressLimit }, () =>
        countAttempt(addressKey(from), signInPolicy.addressLimit),
      ),
    );
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD, address: from })).toMatchObject({
      ok: false,
      reason: "locked",
    });
    expect((await authenticate({ email: user.email, password: TEST_PASSWORD, address: address() })).ok).toBe(true);
  });

  it("counts attempts atomically in PostgreSQL, so concurrent app instances share them", async () => {
    const key = accountKey(`shared-${Date.now()}@newsroom.test`);
    const results = await Promise.all(Array.from({ length: 12 }, () => countAttempt(key, 100)));
    expect(results.map((r) => r.attempts).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const row = await db().signInThrottle.findUniqueOrThrow({ where: { key } });
    expect(row.failures).toBe(12);
  });

  it("reads the client address as seen by the outermost trusted proxy", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" }, 0)).toBe("10.0.0.1");
    expect(clientAddress({ "x-forwarded-for": "spoofed, 203.0.113.9, 10.0.0.1" }, 2)).toBe("203.0.113.9");
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9" }, 3)).toBe("203.0.113.9");
    expect(clientAddress({})).toBe("unknown");
  });

  it("keeps database failures out of the sign-in answer", async () => {
    const saved = process.env.DATABASE_URL;
    const { disconnectDb } = await import("@/lib/db/client");
    await disconnectDb();
    process.env.DATABASE_URL = "postgresql://nobody:secret@127.0.0.1:1/none";
    try {
      await expect(
        authorize({ email: "someone@newsroom.test", password: "whatever" }, { headers: {} }),
      ).rejects.toThrow(/^unavailable$/);
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = saved;
    }
  });
});

describe("sessions", () => {
  it("recognises a valid session and rejects forged or foreign tokens", async () => {
    const user = await createStaff("JOURNALIST");
    expect(await asUser(user, () => getCurrentUser())).toMatchObject({ id: user.id, role: "JOURNALIST" });
    const forged = await encode({ token: { sub: user.id, sv: user.sessionVersion }, secret: "some-other-secret" });
    await asUser(null, async (context) => {
      context.cookies.set("next-auth.session-token", { name: "next-auth.session-token", value: forged });
      expect(await getCurrentUser()).toBeNull();
      context.cookies.set("next-auth.session-token", { name: "next-auth.session-token", value: "garbage" });
      expect(await getCurrentUser()).toBeNull();
    });
  });

  it("applies a role change and a deactivation on the user's next request", async () => {
    const admin = await createStaff("ADMIN");
    await createStaff("ADMIN");
    const user = await createStaff("JOURNALIST");

    expect(await asUser(admin, () => setUserRoleAction(null, { userId: user.id, role: "ADMIN" }))).toEqual({
      ok: true,
    });
    expect(await asUser(user, () => getCurrentUser())).toMatchObject({ role: "ADMIN" });

    expect(await asUser(admin, () => setUserActiveAction(null, { userId: user.id, active: "false" }))).toEqual({
      ok: true,
    });
    expect(await asUser(user, () => getCurrentUser())).toBeNull();
    // Reactivating does not revive the old token: deactivation bumped its session version.
    expect(await asUser(admin, () => setUserActiveAction(null, { userId: user.id, active: "true" }))).toEqual({
      ok: true,
    });
    expect(await asUser(user, () => getCurrentUser())).toBeNull();
  });
});

describe("staff management rules", () => {
  it("never leaves the newsroom without an active admin, and admins cannot lock themselves out", async () => {
    await db().user.updateMany({ where: { role: "ADMIN" }, data: { active: false } });
    const soleAdmin = await createStaff("ADMIN");
    const other = await createStaff("ADMIN", { active: false });

    expect(
      await asUser(soleAdmin, () => setUserRoleAction(null, { userId: soleAdmin.id, role: "JOURNALIST" })),
    ).toMatchObject({
      ok: false,
      code: "INVALID",
      errors: { role: ["You cannot remove your own admin role; ask another admin."] },
    });
    expect(
      await asUser(soleAdmin, () => setUserActiveAction(null, { userId: soleAdmin.id, active: "false" })),
    ).toMatchObject({ ok: false, code: "INVALID" });
    expect(await asUser(soleAdmin, () => setUserRoleAction(null, { userId: other.id, role: "JOURNALIST" }))).toEqual({
      ok: true,
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: soleAdmin.id } })).role).toBe("ADMIN");
  });

  it("refuses to demote the last active admin even when another admin asks concurrently", async () => {
    await db().user.updateMany({ where: { role: "ADMIN" }, data: { active: false } });
    const a = await createStaff("ADMIN");
    const b = await createStaff("ADMIN");
    const results = await Promise.all([
      asUser(a, () => setUserRoleAction(null, { userId: b.id, role: "JOURNALIST" })),
      asUser(b, () => setUserRoleAction(null, { userId: a.id, role: "JOURNALIST" })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db().user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
  });

  it("writes exactly one audit row per change, with before and after", async () => {
    const admin = await createStaff("ADMIN");
    await createStaff("ADMIN");
    const user = await createStaff("JOURNALIST");
    await asUser(admin, () => setUserRoleAction(null, { userId: user.id, role: "ADMIN" }));
    const rows = await db().auditEntry.findMany({ where: { entityType: "User", entityId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId: admin.id,
      action: "user.role.change",
      before: { role: "JOURNALIST", active: true },
      after: { role: "ADMIN", active: true },
    });
  });

  it("validates new accounts field by field and refuses duplicates without revealing passwords", async () => {
    const admin = await createStaff("ADMIN");
    const bad = await asUser(admin, () =>
      createStaffUserAction(null, { email: "not-an-email", name: "", role: "BOSS", password: "short" }),
    );
    expect(bad).toMatchObject({ ok: false, code: "INVALID" });
    expect(Object.keys((bad as { errors: object }).errors).sort()).toEqual(["email", "name", "password", "role"]);
    expect((bad as { values: object }).values).not.toHaveProperty("password");

    const input = {
      email: "New.Person@Newsroom.test",
      name: "New Person",
      role: "JOURNALIST",
      password: "a long enough password",
    };
    expect(await asUser(admin, () => createStaffUserAction(null, input))).toMatchObject({ ok: true });
    expect(await asUser(admin, () => createStaffUserAction(null, input))).toMatchObject({
      ok: false,
      errors: { email: ["A staff account with this e-mail address already exists."] },
    });
    const stored = await db().user.findUniqueOrThrow({ where: { email: "new.person@newsroom.test" } });
    const racing = { ...input, email: "racer@newsroom.test" };
    const race = await Promise.all([
      asUser(admin, () => createStaffUserAction(null, racing)),
      asUser(admin, () => createStaffUserAction(null, racing)),
    ]);
    expect(race.filter((r) => r.ok)).toHaveLength(1);
    expect(race.find((r) => !r.ok)).toMatchObject({
      errors: { email: ["A staff account with this e-mail address already exists."] },
    });
    expect(await verifyPassword(stored.passwordHash!, "a long enough password")).toBe(true);
  });
});

describe("changing one's password", () => {
  it("stops guessing the current password after a few tries", async () => {
    const user = await createStaff("JOURNALIST");
    const change = (currentPassword: string) =>
      asUser(user, () =>
        changePasswordAction(null, {
          currentPassword,
          newPassword: "another new passphrase",
          confirmPassword: "another new passphrase",
        }),
      );
    for (let i = 0; i < signInPolicy.passwordChangeLimit; i++) {
      expect(await change("guess")).toMatchObject({
        errors: { currentPassword: ["That is not your current password."] },
      });
    }
    expect(await change(TEST_PASSWORD)).toMatchObject({
      ok: false,
      errors: { currentPassword: [expect.stringMatching(/^Too many wrong attempts\. Try again in \d+ minutes?\.$/)] },
    });
  });

  it("requires the current password and signs out other sessions but keeps this one", async () => {
    const user = await createStaff("JOURNALIST");
    const wrong = await asUser(user, () =>
      changePasswordAction(null, {
        currentPassword: "nope",
        newPassword: "a brand new passphrase",
        confirmPassword: "a brand new passphrase",
      }),
    );
    expect(wrong).toMatchObject({ ok: false, errors: { currentPassword: ["That is not your current password."] } });

    const mismatch = await asUser(user, () =>
      changePasswordAction(null, {
        currentPassword: TEST_PASSWORD,
        newPassword: "a brand new passphrase",
        confirmPassword: "different",
      }),
    );
    expect(mismatch).toMatchObject({ ok: false, errors: { confirmPassword: ["The two new passwords differ."] } });

    await asUser(user, async (context) => {
      const result = await changePasswordAction(null, {
        currentPassword: TEST_PASSWORD,
        newPassword: "a brand new passphrase",
        confirmPassword: "a brand new passphrase",
      });
      expect(result).toEqual({ ok: true });
      // This browser got a re-issued cookie and stays signed in.
      expect(context.cookies.get("next-auth.session-token")).toBeDefined();
      expect(await getCurrentUser()).toMatchObject({ id: user.id });
    });
    // Any other browser holding the old token is signed out.
    expect(await asUser(user, () => getCurrentUser())).toBeNull();
    expect((await authenticate({ email: user.email, password: "a brand new passphrase", address: address() })).ok).toBe(
      true,
    );
  });
});

describe("password reset by an admin", () => {
  it("shows a temporary password once, signs the user out everywhere, and the old password stops working", async () => {
    const { resetUserPasswordAction } = await import("@/lib/actions/users");
    const admin = await createStaff("ADMIN");
    const user = await createStaff("JOURNALIST");
    expect(await asUser(user, () => resetUserPasswordAction(null, { userId: user.id }))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    const result = await asUser(admin, () => resetUserPasswordAction(null, { userId: user.id }));
    const temporary = (result as { data: { temporaryPassword: string } }).data.temporaryPassword;
    expect(temporary.length).toBeGreaterThanOrEqual(16);
    expect(await asUser(user, () => getCurrentUser())).toBeNull();
    expect((await authenticate({ email: user.email, password: TEST_PASSWORD, address: address() })).ok).toBe(false);
    expect((await authenticate({ email: user.email, password: temporary, address: address() })).ok).toBe(true);
    const audit = await db().auditEntry.findFirstOrThrow({
      where: { entityId: user.id, action: "user.password.reset" },
    });
    expect(JSON.stringify(audit.after ?? null)).not.toContain(temporary);
  });
});
