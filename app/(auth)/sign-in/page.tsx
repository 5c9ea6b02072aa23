import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Staff sign-in", robots: { index: false } };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? params.error : undefined;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="font-serif text-3xl font-bold">Staff sign-in</h1>
      <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">
        For Parley journalists and admins. Readers do not need an account.
      </p>
      <div className="mt-6 rounded-lg border border-stone-200 bg-white p-6 shadow-sm dark:border-stone-800 dark:bg-stone-900">
        <SignInForm callbackUrl={callbackUrl} initialError={error} />
      </div>
    </div>
  );
}
