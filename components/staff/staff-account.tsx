import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Badge } from "@/components/ui/badge";
import type { SessionUser } from "@/lib/auth/session";

const roleLabels = { JOURNALIST: "Journalist", ADMIN: "Admin" } as const;

export function StaffAccount({ user }: { user: SessionUser }) {
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="signed-in-user">
      <span>
        <span className="sr-only">Signed in as </span>
        <span dir="auto" className="font-medium">
          {user.name}
        </span>{" "}
        <Badge label="Role">{roleLabels[user.role]}</Badge>
      </span>
      <Link href="/account/password" className="hover:underline">
        Change password
      </Link>
      <SignOutButton />
    </div>
  );
}
