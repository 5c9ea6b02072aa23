import type { ReactNode } from "react";
import { Forbidden } from "@/components/staff/forbidden";
import { getCurrentUser, hasAccess } from "@/lib/auth/session";

// A convenience for journalists who follow a link here; every admin query checks the role itself.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user || !hasAccess(user, "admin")) return <Forbidden what="The admin area is for admins." />;
  return children;
}
