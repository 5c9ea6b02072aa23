import "server-only";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { AuthenticationRequiredError, ForbiddenError } from "@/lib/errors";
import { authSecret } from "./secret";
import { readSessionCookie } from "./session-cookie";

export type SessionUser = { id: string; email: string; name: string; role: Role };

/**
 * The signed-in staff member, checked against the database on every request:
 * a deactivated account, a changed role or a changed password (sessionVersion)
 * takes effect at once, not when the token expires.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const raw = await readSessionCookie();
  if (!raw) return null;
  const token = await decode({ token: raw, secret: authSecret() }).catch(() => null);
  if (!token?.sub || typeof token.sv !== "number") return null;
  const user = await db().user.findUnique({
    where: { id: token.sub },
    select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active || user.sessionVersion !== token.sv) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

export type Access = "user" | "journalist" | "admin";

/** Admins can do everything journalists can; every staff member is a "user". */
export function hasAccess(user: SessionUser, access: Access): boolean {
  if (access === "admin") return user.role === "ADMIN";
  return user.role === "ADMIN" || user.role === "JOURNALIST";
}

export async function requireAccess(access: Access): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AuthenticationRequiredError();
  if (!hasAccess(user, access)) throw new ForbiddenError(access === "admin" ? "Only admins can do this." : undefined);
  return user;
}
