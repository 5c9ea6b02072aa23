import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

export const TEST_PASSWORD = "correct horse battery staple";
let cachedHash: Promise<string> | undefined;

/** A staff account with TEST_PASSWORD; hashing once keeps the suite fast. */
export async function createStaff(role: Role, options: { active?: boolean; email?: string } = {}) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const email = options.email ?? `${role.toLowerCase()}-${randomBytes(4).toString("hex")}@newsroom.test`;
  return db().user.create({
    data: { email, name: `${role} ${email}`, role, active: options.active ?? true, passwordHash: await cachedHash },
    select: { id: true, email: true, role: true, sessionVersion: true },
  });
}
