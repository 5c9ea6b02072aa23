// Privileged building blocks shared by the data layer and operator scripts.
// Nothing here checks the session: app code must go through lib/data/users.ts
// (eslint forbids importing lib/data/internal from app/, components/ and lib/actions/).
// No server-only marker: scripts run this outside Next.js with their own client
// (lib/db/prisma.ts); the app passes db() and writeAudit.
import { recordOperatorAudit, type AuditWriter } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { RuleViolationError } from "@/lib/errors";

export const staffFields = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  lastSignInAt: true,
  createdAt: true,
} as const;
export type StaffMember = Prisma.UserGetPayload<{ select: typeof staffFields }>;
export type NewStaff = { email: string; name: string; role: Role; password: string };

const duplicateEmail = () =>
  new RuleViolationError("A staff account with this e-mail address already exists.", "email");

/** Creates a staff account; `actorId` is the admin doing it, or null for the operator CLI. */
export async function insertStaffUser(
  prisma: PrismaClient,
  input: NewStaff,
  actorId: string | null,
  writeAudit: AuditWriter = recordOperatorAudit,
): Promise<StaffMember> {
  if (await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw duplicateEmail();
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, passwordHash },
        select: staffFields,
      });
      await writeAudit(tx, {
        userId: actorId,
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        after: { email: user.email, name: user.name, role: user.role },
      });
      return user;
    });
  } catch (error) {
    // Two admins creating the same address at once: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw duplicateEmail();
    throw error;
  }
}
