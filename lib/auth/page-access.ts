import "server-only";
import { redirect } from "next/navigation";
import { getCurrentUser, hasAccess, type Access, type SessionUser } from "./session";

/**
 * For staff pages: sends anonymous visitors to sign in and tells whether the
 * signed-in user may see the page. The data layer checks again on every query.
 */
export async function pageAccess(access: Access, path: string): Promise<{ user: SessionUser; allowed: boolean }> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  return { user, allowed: hasAccess(user, access) };
}
